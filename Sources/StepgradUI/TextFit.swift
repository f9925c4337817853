import Foundation

/// Fitting running text into a width: wrapping at blanks, and shortening a long equation in its
/// middle so that its left side and its value stay in view.
enum TextFit {
    /// Lines of at most `width` characters, broken at blanks; a word longer than a line is cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        // The line's length is kept as it grows: counting it again for every word made wrapping
        // a long equation (a loss of hundreds of terms) cost as much as the rest of its frame.
        var line = "", length = 0
        func start(_ word: Substring) {
            var (word, count) = (word, word.count)
            while count > width {
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
                count -= width
            }
            (line, length) = (String(word), count)
        }
        // Split at the blanks' bytes: splitting the characters walked every grapheme of the text
        // first; a blank is a byte of its own in UTF-8, and no text here puts a combining mark on one.
        for bytes in text.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false) {
            let word = Substring(bytes)
            if line.isEmpty {
                start(word)
                continue
            }
            let count = word.count
            if length + 1 + count <= width {
                line += " " + word
                length += 1 + count
            } else {
                lines.append(line)
                start(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Items (formulas) packed into lines, `separator` between items on a line.
    static func pack(_ items: [String], width: Int, separator: String = "   ") -> [String] {
        var lines: [String] = []
        for item in items {
            if let last = lines.last, last.count + separator.count + item.count <= width {
                lines[lines.count - 1] = last + separator + item
            } else {
                lines.append(contentsOf: wrap(item, width: width))
            }
        }
        return lines
    }

    /// `text` in at most `maxLines` lines of `width`: wrapped, and when even that is too long, the
    /// first lines, then `ellipsis`, then as much of the end (the result) as fits the last line.
    static func wrap(_ text: String, width: Int, maxLines: Int, ellipsis: String) -> [String] {
        guard maxLines > 0 else { return [] }
        let lines = wrap(text, width: width)
        guard lines.count > maxLines else { return lines }
        let tailWidth = width - ellipsis.count - 1
        guard tailWidth > 0 else { return Array(lines.prefix(maxLines)) }
        return Array(lines.prefix(maxLines - 1)) + [ellipsis + " " + tail(text, width: tailWidth)]
    }

    /// `text` on one line of `width`: whole if it fits, else its start, `ellipsis`, and the end from
    /// the last ` = ` on (the value), each cut at a blank where possible.
    static func elide(_ text: String, width: Int, ellipsis: String) -> String {
        guard text.count > width else { return text }
        guard width > ellipsis.count + 2 else { return String(text.prefix(width)) }
        let end = text.range(of: " = ", options: .backwards).map { String(text[$0.lowerBound...]) } ?? ""
        let room = width - ellipsis.count - 1 - end.count
        guard room > 0, !end.isEmpty else {
            return String(text.prefix(width - ellipsis.count)) + ellipsis
        }
        var start = String(text.prefix(room))
        if let blank = start.lastIndex(of: " "), start.distance(from: start.startIndex, to: blank) > room / 2 {
            start = String(start[..<blank])
        }
        return start + " " + ellipsis + end
    }

    /// The last `width` characters of `text`, from the start of a word where possible.
    private static func tail(_ text: String, width: Int) -> String {
        let end = String(text.suffix(width))
        guard end.count == width, text.count > width, text.dropLast(width).last != " ",
              let blank = end.firstIndex(of: " ") else { return end }
        return String(end[end.index(after: blank)...])
    }
}
