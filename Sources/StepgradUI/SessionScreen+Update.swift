import StepgradEngine
import StepgradSession
import TerminalUI

/// Events in, session commands and display changes out.
extension SessionScreen {
    /// Play speeds offered by `+` and `−`, in steps per second.
    static let speeds: [Double] = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000]

    public func update(_ event: InputEvent) -> ScreenCommand {
        defer { prepareLayout() }
        let play = PlayClock(session)
        let command: ScreenCommand
        switch event {
        case .key(let key):
            command = handle(key)
        case .mouse(let mouse):
            handle(mouse)
            command = .none
        case .resize:
            command = .none
        case .hangup, .interrupt, .terminate:
            return .quit
        }
        return command + play.command(after: session)
    }

    public func update(_ report: ScreenMessage) -> ScreenCommand {
        defer { prepareLayout() }
        switch report {
        case .playTick:
            if quizAsks(before: .stepForward) {
                ask(before: .playPause)
                return .none
            }
            session.tick()
            return PlayClock.stopped.command(after: session)
        case .fastForwardEnded:
            message = StyledLine(text: "Now at iteration \(session.iteration).", role: .success)
        case .reloaded(let outcome):
            return reloaded(outcome)
        case .saved(.success(let path)):
            message = StyledLine(text: "Saved to \(path).", role: .success)
        case .saved(.failure(let error)):
            message = StyledLine(text: "Not saved: \(error)", role: .error)
        }
        return .none
    }

    func handle(_ key: KeyEvent) -> ScreenCommand {
        if key.isControlC { return .quit }
        if soloQuiz?.prompt != nil { return answerQuiz(key) }
        switch overlay {
        case .help:
            overlay = nil
            return .none
        case .fastForwardPrompt(let digits, let suggested):
            return handlePrompt(key, suggested ? "" : digits, suggestion: suggested ? digits : nil)
        case .inspector, nil:
            break
        }
        let command = KeyMap.command(for: key)
        if session.isBusy {
            switch command {
            case .quit: return .quit
            case .close, .fastForward:
                session.cancelFastForward()
                message = StyledLine(text: "Cancelling the fast-forward…", role: .dim)
            default:
                message = StyledLine(text: "A fast-forward is under way: Esc cancels it.", role: .warning)
            }
            return .none
        }
        if focus != nil {
            switch key.key {
            case .up: moveSelection(rows: -1, columns: 0); return .none
            case .down: moveSelection(rows: 1, columns: 0); return .none
            case .left: moveSelection(rows: 0, columns: -1); return .none
            case .right: moveSelection(rows: 0, columns: 1); return .none
            case .enter: return perform(.inspect)
            default: break
            }
        }
        return command.map(perform) ?? .none
    }

    func perform(_ command: Command) -> ScreenCommand {
        guard allowed(command) else { return .none }
        if quizAsks(before: command) {
            ask(before: command)
            return .none
        }
        switch command {
        case .playPause: session.togglePlay()
        case .stepForward: session.stepForward()
        case .stepBackward:
            if !session.stepBackward() { message = StyledLine(text: "This is the start of iteration 1.", role: .dim) }
        case .nextPhase: session.nextPhase()
        case .previousPhase:
            if !session.previousPhase() { message = StyledLine(text: "This is the start of iteration 1.", role: .dim) }
        case .startOfIteration: session.goToStartOfIteration()
        case .endOfIteration: session.goToEndOfIteration()
        case .granularity:
            let all = Granularity.allCases
            session.granularity = all[((all.firstIndex(of: session.granularity) ?? 0) + 1) % all.count]
        case .faster: session.speed = Self.speeds.first { $0 > session.speed } ?? Self.speeds[Self.speeds.count - 1]
        case .slower: session.speed = Self.speeds.last { $0 < session.speed } ?? Self.speeds[0]
        case .fastForward: overlay = .fastForwardPrompt(String(fastForwardCount), suggested: true)
        case .nextPanel: cycleFocus(by: 1)
        case .previousPanel: cycleFocus(by: -1)
        case .inspect: inspect()
        case .zoom:
            if focus == nil {
                selectHiddenNumbers()
                focus(.operation)
            }
            zoomed.toggle()
        case .sample: sample = (sample + 1) % max(session.scenario.batch.size, 1)
        case .numbers: showsNumbers.toggle()
        case .scaleMode:
            sharedScale.toggle()
            let text = sharedScale ? "Colour scale shared: one for all values, one for all gradients." : "Colour scale per quantity."
            message = StyledLine(text: text, role: .dim)
        case .theme:
            let all = Theme.all
            theme = all[((all.firstIndex { $0.name == theme.name } ?? -1) + 1) % all.count]
            message = StyledLine(text: "Theme: \(theme.name).", role: .dim)
        case .reload: return reload()
        case .save: return save()
        case .help: overlay = .help
        case .close:
            if overlay != nil { overlay = nil } else if zoomed { zoomed = false } else { focus = nil }
        case .quit: return .quit
        }
        return .none
    }

    /// Typing into the prompt: `digits` typed so far, or a `suggestion` that a digit or Backspace
    /// replaces and Enter accepts, as a dialog's selected default value.
    private func handlePrompt(_ key: KeyEvent, _ digits: String, suggestion: String?) -> ScreenCommand {
        switch key.key {
        case .character(let c) where c.isASCII && c.isNumber && digits.count < 9:
            overlay = .fastForwardPrompt(digits + String(c), suggested: false)
        case .backspace, .delete:
            overlay = .fastForwardPrompt(String(digits.dropLast()), suggested: false)
        case .enter:
            overlay = nil
            guard let count = Int(suggestion ?? digits), count > 0 else {
                message = StyledLine(text: "Fast-forward needs a number of iterations, 1 or more.", role: .warning)
                return .none
            }
            fastForwardCount = count
            let work = session.fastForward(iterations: count)
            return .task(id: "fast-forward") { send in
                _ = await work.value
                send(.fastForwardEnded)
            }
        case .escape:
            overlay = nil
        default:
            break
        }
        return .none
    }

    private func inspect() {
        // With no panel in use, `i` explains the student's wrong answer, as the key bar offers.
        if focus == nil, overlay != .inspector, let wrong = wrongAnswer(in: scene()) {
            session.select(wrong)
            overlay = .inspector
            return
        }
        guard session.selection != nil else {
            message = StyledLine(text: "Tab to a panel and pick a cell, or click one, to inspect it.", role: .dim)
            return
        }
        overlay = overlay == .inspector ? nil : .inspector
    }

    /// Reading the file is the command's work, done after `update` returns; the outcome comes
    /// back as `.reloaded`.
    private func reload() -> ScreenCommand {
        .task { [session] send in send(.reloaded(await session.reload())) }
    }

    /// Shows how a reload went; when it trains on to the old iteration in the background, says so
    /// again once that has finished.
    private func reloaded(_ outcome: ReloadOutcome) -> ScreenCommand {
        let text: String, role: Role
        switch outcome {
        case .kept(let iteration): (text, role) = ("Reloaded; back at iteration \(iteration).", .success)
        case .restarted(let reason): (text, role) = ("Reloaded. " + reason, .warning)
        case .failed(let reason): (text, role) = ("Not reloaded: " + reason, .error)
        }
        message = StyledLine(text: text, role: role)
        guard session.isBusy else { return .none }
        return .task(id: "fast-forward") { [session] send in
            await session.waitUntilIdle()
            send(.fastForwardEnded)
        }
    }

    /// Writing the state file is the command's work; where it went comes back as `.saved`.
    private func save() -> ScreenCommand {
        .task { [session] send in
            send(.saved(await session.saveReportingPath()))
        }
    }

    /// Saves once the run is over (the caller's job, after the terminal is restored); a failure is
    /// kept in `closingMessage` for the command line to report.
    public func saveForExit() {
        do {
            try session.save()
        } catch StateFileError.noScenarioFile {
            // Built in memory: there is nowhere to save to, and nothing was promised.
        } catch {
            closingMessage = "stepgrad: the session was not saved: \(error)"
        }
    }

    func handle(_ mouse: MouseEvent) {
        switch mouse.kind {
        case .wheelUp: if overlay == nil && !session.isBusy { _ = perform(.stepBackward) }
        case .wheelDown: if overlay == nil && !session.isBusy { _ = perform(.stepForward) }
        case .press:
            if overlay == .help { overlay = nil; return }
            guard !session.isBusy, overlay == nil || overlay == .inspector else { return }
            if let hit = hits.reference(atX: mouse.x, y: mouse.y) {
                session.select(hit.reference)
                focus = hit.panel
                overlay = .inspector
            } else if overlay == .inspector {
                overlay = nil
            }
        }
    }
}
