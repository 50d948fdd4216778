using ManifestPolicy.Diagnostics;
using ManifestPolicy.Rules;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Tests.Configuration;

/// <summary>Findings placed by hand at a piece of text, with a line-free fingerprint key as rules make them.</summary>
internal static class Findings
{
    public static DiagnosticDescriptor MP2001 => RuleCatalog.Find("MP2001")!;

    public static DiagnosticDescriptor MP3001 => RuleCatalog.Find("MP3001")!;

    public static SyntaxTree Parse(string path, string yaml) => SyntaxTree.Parse(new SourceText(path, yaml));

    public static ManifestCompilation Compile(params SyntaxTree[] trees) => ManifestCompilation.Create(trees);

    public static Diagnostic At(SyntaxTree tree, string needle, DiagnosticDescriptor rule, int occurrence = 0)
    {
        var start = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            start = tree.Text.Text.IndexOf(needle, start + 1, StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{needle}' not found");
        }

        return new Diagnostic(rule, rule.DefaultSeverity, new Location(tree.Text, new TextSpan(start, start + needle.Length)), $"{rule.Id} at {needle}", $"{rule.Id}|{tree.Path}|{needle}|{occurrence}", []);
    }
}
