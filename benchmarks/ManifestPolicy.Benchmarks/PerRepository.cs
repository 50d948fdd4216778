using System.Diagnostics;
using System.Globalization;
using ManifestPolicy.Analyzers;
using ManifestPolicy.Rules;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Benchmarks;

/// <summary>
/// Analyses a corpus of &lt;owner&gt;__&lt;repo&gt; folders one repository at a time, as a user would run the tool
/// on each: files, parse and analysis time, MP2001 alone, and findings per rule. Exits 1 if any rule failed (MP0000).
/// </summary>
internal static class PerRepository
{
    public static int Run(string root)
    {
        var total = Stopwatch.StartNew();
        var failures = 0;
        var files = 0;
        foreach (var repository in Directory.EnumerateDirectories(root).Where(d => !Path.GetFileName(d).StartsWith('_')).Order(StringComparer.Ordinal))
        {
            var watch = Stopwatch.StartNew();
            var trees = Directory.EnumerateFiles(repository, "*", SearchOption.AllDirectories)
                .Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".yml", StringComparison.Ordinal) || p.EndsWith(".json", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(p => SyntaxTree.Parse(SourceText.FromBytes(Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllBytes(p))))
                .ToList();
            var compilation = ManifestCompilation.Create(trees);
            var parsed = watch.Elapsed;
            var diagnostics = new AnalyzerDriver().Analyze(compilation);
            var analysed = watch.Elapsed;
            new AnalyzerDriver([new MP2001UnresolvedPlaceholder()]).Analyze(compilation);
            var placeholders = watch.Elapsed - analysed;
            files += trees.Count;
            failures += diagnostics.Count(d => d.Id == "MP0000");
            var counts = string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(repository)}: {trees.Count} files, parse {parsed.TotalMilliseconds:F0} ms, analyse {(analysed - parsed).TotalMilliseconds:F0} ms (MP2001 alone {placeholders.TotalMilliseconds:F0} ms); {(counts.Length == 0 ? "no findings" : counts)}"));
        }

        Console.WriteLine($"total: {files} files in {total.ElapsedMilliseconds} ms; rule failures (MP0000): {failures}");
        return failures == 0 ? 0 : 1;
    }
}
