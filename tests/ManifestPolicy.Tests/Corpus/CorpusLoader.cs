using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Tests.Corpus;

/// <summary>
/// Loads a corpus the way the CLI sees a repository: every YAML and JSON file of one &lt;owner&gt;__&lt;repo&gt; folder
/// in one compilation (cross-file rules need the whole folder), unset namespaces in "default". Paths are relative to
/// the corpus root with forward slashes, as EXPECTED.md writes them.
/// </summary>
internal static class CorpusLoader
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string CopiedCorpus { get; } = Path.Combine(RepositoryRoot, "tests", "corpus", "real");

    public static IReadOnlyList<string> Repositories(string corpusRoot) =>
        [.. Directory.GetDirectories(corpusRoot)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name.Contains("__", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    public static ManifestCompilation LoadRepository(string corpusRoot, string repository)
    {
        var files = Directory.EnumerateFiles(Path.Combine(corpusRoot, repository), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        var trees = files.Select(file =>
        {
            var relative = Path.GetRelativePath(corpusRoot, file).Replace('\\', '/');
            return SyntaxTree.Parse(SourceText.FromBytes(relative, File.ReadAllBytes(file)));
        });
        return ManifestCompilation.Create(trees, new CompilationOptions("default"));
    }

    public static IReadOnlyList<Diagnostic> Analyze(string corpusRoot, string repository, AnalyzerOptions? options = null) =>
        new AnalyzerDriver().Analyze(LoadRepository(corpusRoot, repository), options);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ManifestPolicy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ManifestPolicy.sln above {AppContext.BaseDirectory}.");
    }
}
