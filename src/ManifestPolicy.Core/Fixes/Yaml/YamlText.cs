using ManifestPolicy.Syntax;

namespace ManifestPolicy.Fixes.Yaml;

/// <summary>Line and indentation facts about positions in a file, as edits need them.</summary>
public static class YamlText
{
    public static int LineStartOf(SourceText text, int offset) => text.GetLineStart(text.GetPosition(offset).Line);

    /// <summary>The offset just before the line break of the line holding <paramref name="offset"/>.</summary>
    public static int LineEndOf(SourceText text, int offset)
    {
        var s = text.Text;
        var i = Math.Clamp(offset, 0, s.Length);
        while (i < s.Length && s[i] != '\n' && s[i] != '\r')
        {
            i++;
        }

        return i;
    }

    /// <summary>The offset of the next line's start, or the end of the text.</summary>
    public static int NextLineStart(SourceText text, int offset)
    {
        var s = text.Text;
        var i = LineEndOf(text, offset);
        if (i < s.Length && s[i] == '\r')
        {
            i++;
        }

        if (i < s.Length && s[i] == '\n')
        {
            i++;
        }

        return i;
    }

    /// <summary>The 0-based column of an offset.</summary>
    public static int ColumnOf(SourceText text, int offset) => offset - LineStartOf(text, offset);

    public static bool IsBlankOrComment(string line)
    {
        var trimmed = line.TrimStart(' ', '\t');
        return trimmed.Length == 0 || trimmed[0] == '#';
    }

    public static bool IsComment(string line) => line.TrimStart(' ', '\t').StartsWith('#');

    /// <summary>
    /// The offset where a node's own leading comment block starts: the comment lines directly above its line, with no
    /// blank line between. Used so a deleted item takes its comments with it.
    /// </summary>
    public static int ExtendOverLeadingComments(SourceText text, int lineStartOffset, int floor)
    {
        var line = text.GetPosition(lineStartOffset).Line;
        var start = lineStartOffset;
        while (line > 1)
        {
            var previous = text.GetLineText(line - 1);
            var previousStart = text.GetLineStart(line - 1);
            if (previousStart < floor || !IsComment(previous) || previous.TrimStart().StartsWith("---", StringComparison.Ordinal))
            {
                break;
            }

            start = previousStart;
            line--;
        }

        return start;
    }

    /// <summary>True when any ancestor of the node is a flow collection, where ',', '[', ']', '{', '}' are syntax.</summary>
    public static bool IsInFlow(YamlNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is MappingNode { IsFlow: true } or SequenceNode { IsFlow: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where a scalar's content starts inside its span, after any anchor and tag.</summary>
    public static int ContentStart(SourceText text, ScalarNode scalar) => ScalarSource.AfterProperties(text, scalar);

    /// <summary>The innermost scalar whose span holds the offset, searching every document of the tree.</summary>
    public static ScalarNode? FindScalarAt(SyntaxTree tree, int offset)
    {
        foreach (var document in tree.Documents)
        {
            if (document.Root is { } root && Find(root, offset) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static ScalarNode? Find(YamlNode node, int offset)
    {
        switch (node)
        {
            case ScalarNode scalar:
                return scalar.Span.Start <= offset && offset < Math.Max(scalar.Span.End, scalar.Span.Start + 1) ? scalar : null;
            case MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    if (Find(entry.Key, offset) is { } k)
                    {
                        return k;
                    }

                    if (Find(entry.Value, offset) is { } v)
                    {
                        return v;
                    }
                }

                return null;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    if (Find(item, offset) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The key of the mapping entry whose value is this node, or null.</summary>
    public static string? KeyOf(YamlNode node) =>
        node.Parent is MappingNode mapping ? mapping.Entries.FirstOrDefault(e => ReferenceEquals(e.Value, node))?.KeyText : null;
}
