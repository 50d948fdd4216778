using ManifestPolicy.Syntax;

namespace ManifestPolicy.Fixes.Yaml;

/// <summary>
/// The text region each document of a file owns, for deleting and inserting whole documents. A document owns its
/// "---" line, the comments right after it, its content, and everything up to the next document's region; a first
/// document without "---" owns the comment lines directly above its first node.
/// </summary>
public static class YamlDocuments
{
    public static bool IsJson(SyntaxTree tree) => tree.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public static TextSpan Region(SyntaxTree tree, int index)
    {
        var start = RegionStart(tree, index);
        var end = index + 1 < tree.Documents.Count ? RegionStart(tree, index + 1) : tree.Text.Text.Length;
        return new TextSpan(start, Math.Max(start, end));
    }

    private static int RegionStart(SyntaxTree tree, int index)
    {
        var document = tree.Documents[index];
        var text = tree.Text;
        if (document.HasExplicitStart)
        {
            return YamlText.LineStartOf(text, document.Span.Start);
        }

        var first = document.Root?.Span.Start ?? document.Span.Start;
        var floor = index > 0 ? tree.Documents[index - 1].Span.End : 0;
        return Math.Max(floor, YamlText.ExtendOverLeadingComments(text, YamlText.LineStartOf(text, first), floor));
    }

    /// <summary>An edit that inserts <paramref name="document"/> as a new document right after document <paramref name="index"/>.</summary>
    public static TextEdit InsertAfter(SyntaxTree tree, int index, string document)
    {
        if (IsJson(tree))
        {
            throw new FragmentMergeException($"'{tree.Path}' is JSON, which holds one document; add the new object in a file of its own");
        }

        var text = tree.Text.Text;
        var region = Region(tree, index);
        var body = document.TrimEnd('\n', '\r');
        var at = region.End;
        if (at == text.Length)
        {
            // At the end of the file: keep the file's own choice of a final line break.
            var endsWithBreak = text.Length > 0 && text[^1] is '\n' or '\r';
            return TextEdit.Insert(at, endsWithBreak ? $"---\n{body}\n" : $"\n---\n{body}");
        }

        // The next document follows: it starts with "---" (or we add one) and ours goes before it.
        var next = tree.Documents[index + 1];
        var suffix = next.HasExplicitStart ? string.Empty : "---\n";
        return TextEdit.Insert(at, $"---\n{body}\n{suffix}");
    }
}
