using ManifestPolicy.Syntax;

namespace ManifestPolicy.Rules.Placeholders;

/// <summary>
/// Maps a position in a scalar's value back to the file. Quoting, escapes, folding and block indentation make the value
/// differ from its source, but a placeholder almost never contains an escape, so its text appears verbatim in the
/// source: the n-th occurrence in the value is the n-th in the source whenever both hold equally many occurrences.
/// </summary>
internal static class ScalarSourceMap
{
    /// <summary>The file offset of the placeholder, or null when the source does not show it verbatim.</summary>
    public static int? Locate(string fileText, ScalarNode scalar, int valueIndex, string token)
    {
        var value = scalar.Value;
        var raw = fileText.AsSpan(scalar.Span.Start, scalar.Span.Length);
        if (token.Length == 0 || valueIndex + token.Length > value.Length)
        {
            return null;
        }

        var ordinal = Count(value.AsSpan(0, valueIndex), token);
        if (Count(value, token) != Count(raw, token))
        {
            return null;
        }

        var offset = 0;
        for (var i = 0; ; i++)
        {
            var found = raw[offset..].IndexOf(token, StringComparison.Ordinal);
            if (found < 0)
            {
                return null;
            }

            if (i == ordinal)
            {
                return scalar.Span.Start + offset + found;
            }

            offset += found + token.Length;
        }
    }

    /// <summary>The scalar's content: inside the quotes, or the lines after a block scalar's header.</summary>
    public static TextSpan ContentSpan(string fileText, ScalarNode scalar)
    {
        var span = scalar.Span;
        if (scalar.IsQuoted)
        {
            var quote = scalar.Style == ScalarStyle.SingleQuoted ? '\'' : '"';
            var open = fileText.IndexOf(quote, span.Start, span.Length);
            return open >= 0 && span.End - 1 > open && fileText[span.End - 1] == quote ? new TextSpan(open + 1, span.End - 1) : span;
        }

        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            var lineBreak = fileText.IndexOf('\n', span.Start, span.Length);
            if (lineBreak < 0)
            {
                return span;
            }

            var start = lineBreak + 1;
            while (start < span.End && fileText[start] is ' ' or '\t' or '\r' or '\n')
            {
                start++;
            }

            return new TextSpan(Math.Min(start, span.End), span.End);
        }

        return span;
    }

    private static int Count(ReadOnlySpan<char> text, string token)
    {
        var count = 0;
        var offset = 0;
        while (offset <= text.Length - token.Length)
        {
            var found = text[offset..].IndexOf(token, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            count++;
            offset += found + token.Length;
        }

        return count;
    }
}
