using System.Text;

namespace ManifestPolicy.Syntax;

/// <summary>
/// The text of one input file with the facts a byte-preserving edit needs: the byte order mark, the line ending,
/// and a line table that maps offsets to 1-based line and UTF-16 column.
/// </summary>
public sealed class SourceText
{
    private readonly int[] lineStarts;

    public SourceText(string path, string text, bool hasByteOrderMark = false)
    {
        Path = path;
        Text = text;
        HasByteOrderMark = hasByteOrderMark;
        lineStarts = ComputeLineStarts(text);
        LineEnding = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
    }

    /// <summary>The path as the user gave it, with forward slashes; "-" for standard input.</summary>
    public string Path { get; }

    /// <summary>The decoded text without the byte order mark.</summary>
    public string Text { get; }

    public bool HasByteOrderMark { get; }

    /// <summary>The file's dominant line ending, kept when a fix inserts lines.</summary>
    public string LineEnding { get; }

    public int LineCount => lineStarts.Length;

    public static SourceText FromBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var body = bom ? bytes[3..] : bytes;
        return new SourceText(path, Encoding.UTF8.GetString(body), bom);
    }

    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var line = Array.BinarySearch(lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line + 1, offset - lineStarts[line] + 1);
    }

    public LinePositionSpan GetPositionSpan(TextSpan span) => new(GetPosition(span.Start), GetPosition(span.End));

    public int GetOffset(LinePosition position)
    {
        var line = Math.Clamp(position.Line, 1, lineStarts.Length) - 1;
        return Math.Min(lineStarts[line] + position.Column - 1, Text.Length);
    }

    /// <summary>The text of a 1-based line without its line break.</summary>
    public string GetLineText(int line)
    {
        var index = Math.Clamp(line, 1, lineStarts.Length) - 1;
        var start = lineStarts[index];
        var end = index + 1 < lineStarts.Length ? lineStarts[index + 1] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return Text[start..end];
    }

    public int GetLineStart(int line) => lineStarts[Math.Clamp(line, 1, lineStarts.Length) - 1];

    public string GetText(TextSpan span) => Text.Substring(span.Start, span.Length);

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
