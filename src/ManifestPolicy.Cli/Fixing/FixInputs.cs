using ManifestPolicy.Fixes;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Cli.Fixing;

/// <summary>A path given to fix or render that cannot be used: one line, exit code 2.</summary>
public sealed class FixInputException(string message) : Exception(message);

/// <summary>One input file: its parsed text, where it lives, and its bytes as read (to refuse writing over a change).</summary>
public sealed record FixInput(SyntaxTree Tree, FileSnapshot Snapshot, string Root);

/// <summary>
/// Finds the files fix and render work on: explicit files always; in a directory walk, YAML and JSON files that hold a
/// Kubernetes object, skipping hidden folders and (for render) earlier outputs named *-final.*.
/// </summary>
public static class FixInputs
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public static IReadOnlyList<FixInput> Load(IReadOnlyList<string> paths, string workingDirectory, bool skipRenderedOutputs = false)
    {
        if (paths.Count == 0)
        {
            paths = ["."];
        }

        var inputs = new SortedDictionary<string, FixInput>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, workingDirectory);
            if (File.Exists(full))
            {
                var input = Read(full, workingDirectory, Path.GetDirectoryName(full)!);
                inputs[input.Tree.Path] = input;
            }
            else if (Directory.Exists(full))
            {
                foreach (var file in Walk(full))
                {
                    if (skipRenderedOutputs && Path.GetFileNameWithoutExtension(file).EndsWith("-final", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var input = Read(file, workingDirectory, full);
                    if (!inputs.ContainsKey(input.Tree.Path) && HoldsObject(input.Tree))
                    {
                        inputs[input.Tree.Path] = input;
                    }
                }
            }
            else
            {
                throw new FixInputException($"'{path}' does not exist");
            }
        }

        return [.. inputs.Values];
    }

    public static string DisplayPath(string fullPath, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? fullPath.Replace('\\', '/')
            : relative.Replace('\\', '/');
    }

    private static FixInput Read(string fullPath, string workingDirectory, string root)
    {
        var display = DisplayPath(fullPath, workingDirectory);
        try
        {
            var snapshot = FileSnapshot.Read(fullPath, display, out var bytes);
            return new FixInput(SyntaxTree.Parse(SourceText.FromBytes(display, bytes)), snapshot, root);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FixInputException($"cannot read '{display}': {ex.Message}");
        }
    }

    private static bool HoldsObject(SyntaxTree tree) =>
        tree.Error is not null
        || tree.Documents.Any(d => d.Root?.Resolve() is MappingNode root && root.GetString("apiVersion") is { Length: > 0 } && root.GetString("kind") is { Length: > 0 });

    private static List<string> Walk(string root)
    {
        var files = new List<string>();
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var entry in Directory.EnumerateFileSystemEntries(directory))
            {
                var name = Path.GetFileName(entry);
                if (name.StartsWith('.'))
                {
                    continue;
                }

                if (Directory.Exists(entry))
                {
                    if (new DirectoryInfo(entry).LinkTarget is null && name != "node_modules")
                    {
                        pending.Push(entry);
                    }
                }
                else if (Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
                {
                    files.Add(entry);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
