namespace ManifestPolicy.Syntax;

/// <summary>
/// Maps a position in a scalar's value back to the file. Plain and quoted scalars without escapes or line folding
/// hold their value verbatim in the source, so a fragment found there is exact; otherwise the scalar's start is the
/// best honest answer.
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

        // Escapes or folding shift offsets: find the fragment itself when it is unambiguous.
        var fragment = scalar.Value.Substring(valueIndex, Math.Min(length, scalar.Value.Length - valueIndex));
        var found = fragment.Length > 0 ? raw.IndexOf(fragment, StringComparison.Ordinal) : -1;
        if (found >= 0 && raw.IndexOf(fragment, found + 1, StringComparison.Ordinal) < 0)
        {
            return new TextSpan(scalar.Span.Start + found, scalar.Span.Start + found + fragment.Length);
        }

        return scalar.Span;
    }

    /// <summary>Where the value's first character sits in the raw text, after any anchor, tag and opening quote.</summary>
    private static int ContentStart(string raw, ScalarNode scalar)
    {
        var index = 0;
        while (index < raw.Length && (raw[index] == '&' || raw[index] == '!'))
        {
            // Skip "&anchor " and "!tag " prefixes that belong to the node's span.
            while (index < raw.Length && !char.IsWhiteSpace(raw[index]))
            {
                index++;
            }

            while (index < raw.Length && char.IsWhiteSpace(raw[index]))
            {
                index++;
            }
        }

        return scalar.Style switch
        {
            ScalarStyle.Plain => index,
            ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => index < raw.Length ? index + 1 : -1,
            _ => -1,
        };
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
