namespace ManifestPolicy.Syntax;

/// <summary>
/// Maps a position in a scalar's value back to the file. Quoting, escapes, folding and block indentation make the value
/// differ from its source, but a token such as a placeholder or a broker address almost never holds an escape, so its
/// text appears verbatim: the n-th occurrence in the value is the n-th in the source when both hold equally many.
/// When even that fails, the whole scalar is the honest answer.
/// </summary>
public static class ScalarSource
{
    /// <summary>The span in the file of <paramref name="length"/> characters starting at <paramref name="valueIndex"/> of the value.</summary>
    public static TextSpan Locate(SourceText text, ScalarNode scalar, int valueIndex, int length)
    {
        var raw = text.GetText(scalar.Span);
        var contentStart = ContentStart(raw, scalar);
        if (contentStart >= 0 && IsVerbatim(raw, contentStart, scalar))
        {
            var start = scalar.Span.Start + contentStart + valueIndex;
            return new TextSpan(start, Math.Min(start + length, scalar.Span.End));
        }

        // Escapes or folding shift offsets: find the fragment itself, which rarely holds an escape.
        var fragment = scalar.Value.Substring(valueIndex, Math.Min(length, scalar.Value.Length - valueIndex));
        return LocateToken(text.Text, scalar, valueIndex, fragment) is { } found
            ? new TextSpan(found, found + fragment.Length)
            : scalar.Span;
    }

    /// <summary>The file offset of the n-th occurrence of a token of the value, or null when the source does not show it verbatim.</summary>
    public static int? LocateToken(string fileText, ScalarNode scalar, int valueIndex, string token)
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

    /// <summary>The file offset just after a scalar's anchor and tag: where its quote or first character is.</summary>
    public static int AfterProperties(SourceText text, ScalarNode scalar) => scalar.Span.Start + SkipProperties(text.GetText(scalar.Span));

    /// <summary>Where the value's first character sits in the raw text, after any anchor, tag and opening quote.</summary>
    private static int ContentStart(string raw, ScalarNode scalar)
    {
        var index = SkipProperties(raw);
        return scalar.Style switch
        {
            ScalarStyle.Plain => index,
            ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => index < raw.Length ? index + 1 : -1,
            _ => -1,
        };
    }

    /// <summary>Skips "&amp;anchor " and "!tag " prefixes, which belong to the node's span.</summary>
    private static int SkipProperties(string raw)
    {
        var index = 0;
        while (index < raw.Length && (raw[index] == '&' || raw[index] == '!'))
        {
            while (index < raw.Length && !char.IsWhiteSpace(raw[index]))
            {
                index++;
            }

            while (index < raw.Length && char.IsWhiteSpace(raw[index]))
            {
                index++;
            }
        }

        return index;
    }

    private static bool IsVerbatim(string raw, int contentStart, ScalarNode scalar)
    {
        if (raw.Length - contentStart < scalar.Value.Length)
        {
            return false;
        }

        return string.CompareOrdinal(raw, contentStart, scalar.Value, 0, scalar.Value.Length) == 0;
    }
}
