using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Tests.Rules;

/// <summary>Runs the analyzers over in-memory files, the way the CLI runs them over a folder.</summary>
internal static class RuleTestHost
{
    public static IReadOnlyList<Diagnostic> Analyze(params (string Path, string Text)[] files) =>
        Analyze(AnalyzerOptions.Default, files);

    public static IReadOnlyList<Diagnostic> Analyze(AnalyzerOptions options, params (string Path, string Text)[] files)
    {
        var trees = files.Select(f => SyntaxTree.Parse(new SourceText(f.Path, f.Text)));
        var compilation = ManifestCompilation.Create(trees);
        return new AnalyzerDriver().Analyze(compilation, options);
    }

    public static IReadOnlyList<Diagnostic> Only(this IReadOnlyList<Diagnostic> diagnostics, string id) =>
        [.. diagnostics.Where(d => d.Id == id)];

    public static string Where(this Diagnostic diagnostic) =>
        $"{diagnostic.Location.Path}:{diagnostic.Location.Position.Start.Line}:{diagnostic.Location.Position.Start.Column}";
}
