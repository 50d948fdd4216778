using ManifestPolicy.Configuration;
using ManifestPolicy.Fixes;
using ManifestPolicy.Inputs;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Cli.Fixing;

/// <summary>A path given to fix or render that cannot be used: one line, exit code 2.</summary>
public sealed class FixInputException(string message) : Exception(message);

/// <summary>One input file: its parsed text, where it lives, and its bytes as read (to refuse writing over a change).</summary>
public sealed record FixInput(SyntaxTree Tree, FileSnapshot Snapshot, string Root);

/// <summary>
/// Finds the files fix and render work on, the way `check` finds them (the same walk, skips and excludes), and keeps
/// each file's bytes as read; in folders, render skips its own earlier outputs (*-final.*).
/// </summary>
public static class FixInputs
{
    public static IReadOnlyList<FixInput> Load(IReadOnlyList<string> paths, string workingDirectory, RunConfiguration configuration, bool skipRenderedOutputs = false)
    {
        if (paths.Contains("-"))
        {
            throw new FixInputException("fix and render change files; standard input (-) is not accepted");
        }

        var loader = new InputLoader(new InputLoaderOptions
        {
            BaseDirectory = workingDirectory,
            IsExcludedPath = configuration.File.Exclude.Count == 0 ? null : configuration.IsExcluded,
        });
        var set = loader.Load(paths);
        var explicitFiles = paths.Select(p => Path.GetFullPath(p, workingDirectory)).Where(File.Exists).ToHashSet(StringComparer.Ordinal);
        var roots = paths.Select(p => Path.GetFullPath(p, workingDirectory)).ToList();
        var inputs = new List<FixInput>();
        foreach (var tree in set.Trees)
        {
            var full = Path.GetFullPath(tree.Path, workingDirectory);
            if (skipRenderedOutputs && !explicitFiles.Contains(full) && Path.GetFileNameWithoutExtension(full).EndsWith("-final", StringComparison.Ordinal))
            {
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(full);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new FixInputException($"cannot read '{tree.Path}': {ex.Message}");
            }

            // The snapshot must be of the text that was parsed; a file written in between is read again next run.
            if (tree.Error is null && SourceText.FromBytes(tree.Path, bytes).Text != tree.Text.Text)
            {
                throw new FixInputException($"'{tree.Path}' changed while it was being read; run the command again");
            }

            var snapshot = new FileSnapshot(full, tree.Path, System.Security.Cryptography.SHA256.HashData(bytes));
            inputs.Add(new FixInput(tree, snapshot, RootOf(full, roots)));
        }

        return inputs;
    }

    public static string DisplayPath(string fullPath, string workingDirectory) =>
        new InputLoader(new InputLoaderOptions { BaseDirectory = workingDirectory }).DisplayPath(fullPath);

    /// <summary>The folder a file was found under (the argument it came from), for render --out.</summary>
    private static string RootOf(string fullPath, List<string> roots)
    {
        if (roots.Contains(fullPath))
        {
            return Path.GetDirectoryName(fullPath)!;
        }

        var folder = roots
            .Where(r => fullPath.StartsWith(r.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderByDescending(r => r.Length)
            .FirstOrDefault();
        return folder ?? Path.GetDirectoryName(fullPath)!;
    }
}
