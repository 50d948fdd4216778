using ManifestPolicy.Fixes;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Tests.Fixes;

/// <summary>Runs fixes over in-memory files, the way `manifestpolicy fix` runs them over a folder.</summary>
internal static class FixTestHost
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static FixRunResult Fix(FixOptions options, params (string Path, string Text)[] files) =>
        new FixRunner(options).Run([.. files.Select(f => SyntaxTree.Parse(new SourceText(f.Path, f.Text)))]);

    public static FixRunResult Fix(params (string Path, string Text)[] files) => Fix(new FixOptions(), files);

    public static string TextOf(this FixRunResult result, string path) =>
        result.Changed.TryGetValue(path, out var text) ? text.Text : result.Originals[path].Text;

    public static string Sample(string relative) => File.ReadAllText(Path.Combine(RepoRoot, "samples", relative));

    private static string FindRepoRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "ManifestPolicy.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("repository root not found");
    }
}
