import StepgradEngine
import StepgradSession
import TerminalUI

/// Events in, session commands and display changes out.
extension SessionScreen {
    /// Play speeds offered by `+` and `−`, in steps per second.
    static let speeds: [Double] = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000]

    public func update(_ event: InputEvent) -> ProgramAction {
        noticeFastForwardEnd()
        switch event {
        case .key(let key):
            return handle(key)
        case .mouse(let mouse):
            handle(mouse)
        case .tick:
            if session.playState.isPlaying { session.tick() }
        case .resize:
            break
        case .hangup, .interrupt, .terminate:
            saveForExit()
            return .quit
        }
        return .continue
    }

    func handle(_ key: KeyEvent) -> ProgramAction {
        if key.isControlC { return quit() }
        switch overlay {
        case .help:
            overlay = nil
            return .continue
        case .fastForwardPrompt(let digits):
            handlePrompt(key, digits)
            return .continue
        case .inspector, nil:
            break
        }
        let command = KeyMap.command(for: key)
        if session.isBusy {
            switch command {
            case .quit: return quit()
            case .close, .fastForward:
                session.cancelFastForward()
                message = StyledLine(text: "Cancelling the fast-forward…", role: .dim)
            default:
                message = StyledLine(text: "A fast-forward is under way: Esc cancels it.", role: .warning)
            }
            return .continue
        }
        if focus != nil {
            switch key.key {
            case .up: moveSelection(rows: -1, columns: 0); return .continue
            case .down: moveSelection(rows: 1, columns: 0); return .continue
            case .left: moveSelection(rows: 0, columns: -1); return .continue
            case .right: moveSelection(rows: 0, columns: 1); return .continue
            case .enter: return perform(.inspect)
            default: break
            }
        }
        return command.map(perform) ?? .continue
    }

    func perform(_ command: Command) -> ProgramAction {
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
        case .fastForward: overlay = .fastForwardPrompt("100")
        case .nextPanel: cycleFocus(by: 1)
        case .previousPanel: cycleFocus(by: -1)
        case .inspect: inspect()
        case .zoom:
            if focus == nil { focus(.operation) }
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
        case .reload: reload()
        case .save: save()
        case .help: overlay = .help
        case .close:
            if overlay != nil { overlay = nil } else if zoomed { zoomed = false } else { focus = nil }
        case .quit: return quit()
        }
        return .continue
    }

    private func handlePrompt(_ key: KeyEvent, _ digits: String) {
        switch key.key {
        case .character(let c) where c.isASCII && c.isNumber && digits.count < 9:
            overlay = .fastForwardPrompt(digits + String(c))
        case .backspace, .delete:
            overlay = .fastForwardPrompt(String(digits.dropLast()))
        case .enter:
            overlay = nil
            guard let count = Int(digits), count > 0 else {
                message = StyledLine(text: "Fast-forward needs a number of iterations, 1 or more.", role: .warning)
                return
            }
            session.fastForward(iterations: count)
            watchingFastForward = true
        case .escape:
            overlay = nil
        default:
            break
        }
    }

    private func noticeFastForwardEnd() {
        guard watchingFastForward, !session.isBusy else { return }
        watchingFastForward = false
        message = StyledLine(text: "Now at iteration \(session.iteration).", role: .success)
    }

    private func inspect() {
        guard session.selection != nil else {
            message = StyledLine(text: "Tab to a panel and pick a cell, or click one, to inspect it.", role: .dim)
            return
        }
        overlay = overlay == .inspector ? nil : .inspector
    }

    private func reload() {
        let text: String, role: Role
        switch session.reload() {
        case .kept(let iteration): (text, role) = ("Reloaded; back at iteration \(iteration).", .success)
        case .restarted(let reason): (text, role) = ("Reloaded. " + reason, .warning)
        case .failed(let reason): (text, role) = ("Not reloaded: " + reason, .error)
        }
        generation += 1
        message = StyledLine(text: text, role: role)
    }

    private func save() {
        do {
            try session.save()
            message = StyledLine(text: "Saved to \(session.stateFilePath ?? "the state file").", role: .success)
        } catch {
            message = StyledLine(text: "Not saved: \(error)", role: .error)
        }
    }

    private func quit() -> ProgramAction {
        saveForExit()
        return .quit
    }

    /// Saves on the way out; a failure is kept for the command line to report once the terminal is back.
    private func saveForExit() {
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
