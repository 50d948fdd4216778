using ManifestPolicy.Diagnostics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Inputs;

/// <summary>How to turn command-line paths into parsed files.</summary>
public sealed record InputLoaderOptions
{
    /// <summary>The folder paths are reported relative to (the current directory on the command line).</summary>
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>
    /// Decides by full path whether a file or folder is skipped, in a walk and when named on the command line: the
    /// configuration file's exclude list, whose globs are relative to that file rather than to the working directory.
    /// </summary>
    public Func<string, bool>? IsExcludedPath { get; init; }

    /// <summary>
    /// A folder whose manifests are loaded as context (so cross-object rules see them) but whose findings are not
    /// reported unless the file was also given as a path. This is what a pre-commit hook needs: it passes only the
    /// changed files, while an HPA in an unchanged file still conflicts with a changed ScaledObject.
    /// </summary>
    public string? ContextDirectory { get; init; }

    public YamlParseLimits Limits { get; init; } = YamlParseLimits.Default;

    /// <summary>Opens standard input for the path "-".</summary>
    public Func<Stream>? OpenStandardInput { get; init; }
}

/// <summary>A path that cannot be read: reported as one line, with exit code 2.</summary>
public sealed class InputException(string message) : Exception(message);

/// <summary>The parsed inputs of one run.</summary>
public sealed class InputSet
{
    internal InputSet(IReadOnlyList<SyntaxTree> trees, IReadOnlySet<string> reportedPaths, bool hasContext)
    {
        Trees = trees;
        ReportedPaths = reportedPaths;
        HasContext = hasContext;
    }

    /// <summary>Every parsed file, context included, ordered by path.</summary>
    public IReadOnlyList<SyntaxTree> Trees { get; }

    /// <summary>Paths of the files findings are reported for: those reached from the command-line paths.</summary>
    public IReadOnlySet<string> ReportedPaths { get; }

    public bool HasContext { get; }

    public int FileCount => ReportedPaths.Count;

    /// <summary>True when a finding belongs to the files asked about (engine findings always do).</summary>
    public bool IsReported(Diagnostic diagnostic) =>
        !HasContext || ReportedPaths.Contains(diagnostic.Location.Path) || diagnostic.Id == Rules.AnalyzerFailure.Descriptor.Id;
}

/// <summary>
/// Finds and parses the inputs: explicit files always, files met in a directory walk only when they hold a
/// Kubernetes object (or look like a manifest that fails to parse, so that MP0001 reports it).
/// </summary>
public sealed class InputLoader
{
    public const string StandardInputPath = "<stdin>";

    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    private readonly InputLoaderOptions options;
    private readonly string baseDirectory;

    public InputLoader(InputLoaderOptions? options = null)
    {
        this.options = options ?? new InputLoaderOptions();
        baseDirectory = Path.GetFullPath(this.options.BaseDirectory);
    }

    public InputSet Load(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            paths = ["."];
        }

        var primary = new SortedDictionary<string, SyntaxTree>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (path == "-")
            {
                var tree = ReadStandardInput();
                primary[StandardInputPath] = tree;
                continue;
            }

            var full = Path.GetFullPath(path, baseDirectory);
            if (Directory.Exists(full))
            {
                foreach (var file in Walk(full))
                {
                    if (!primary.ContainsKey(DisplayPath(file)) && LoadWalked(file) is { } tree)
                    {
                        primary[tree.Path] = tree;
                    }
                }
            }
            else if (File.Exists(full))
            {
                // pre-commit names files one by one; the configuration's exclude list still applies to them.
                if (options.IsExcludedPath?.Invoke(full) == true)
                {
                    continue;
                }

                var tree = LoadFile(full);
                primary[tree.Path] = tree;
            }
            else
            {
                throw new InputException($"'{path}' does not exist");
            }
        }

        var all = new SortedDictionary<string, SyntaxTree>(primary, StringComparer.Ordinal);
        var hasContext = options.ContextDirectory is not null;
        if (options.ContextDirectory is { } context)
        {
            var full = Path.GetFullPath(context, baseDirectory);
            if (!Directory.Exists(full))
            {
                throw new InputException($"context directory '{context}' does not exist");
            }

            foreach (var file in Walk(full))
            {
                if (!all.ContainsKey(DisplayPath(file)) && LoadWalked(file) is { } tree)
                {
                    all[tree.Path] = tree;
                }
            }
        }

        return new InputSet([.. all.Values], new SortedSet<string>(primary.Keys, StringComparer.Ordinal), hasContext);
    }

    /// <summary>The path as findings show it: relative to the base directory with forward slashes, absolute outside it.</summary>
    public string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(baseDirectory, fullPath);
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || relative.StartsWith(@"..\", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return fullPath.Replace('\\', '/');
        }

        return relative.Replace('\\', '/');
    }

    private SyntaxTree ReadStandardInput()
    {
        var open = options.OpenStandardInput ?? throw new InputException("standard input is not available");
        using var stream = open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(StandardInputPath, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private SyntaxTree LoadFile(string fullPath)
    {
        var display = DisplayPath(fullPath);
        try
        {
            var length = new FileInfo(fullPath).Length;
            if (length > options.Limits.MaxCharacters)
            {
                // Too big to read: say so at the top of the file instead of loading it.
                return new SyntaxTree(
                    new SourceText(display, string.Empty),
                    [],
                    new SyntaxError($"the file is larger than {options.Limits.MaxCharacters / (1024 * 1024)} MiB and is not read", new TextSpan(0, 0)));
            }

            return Parse(display, File.ReadAllBytes(fullPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read '{display}': {ex.Message}");
        }
    }

    private SyntaxTree? LoadWalked(string fullPath)
    {
        var tree = LoadFile(fullPath);
        if (HoldsObject(tree))
        {
            return tree;
        }

        // A broken file that looks like a manifest is kept so that MP0001 reports it; so is one too large to read.
        var tooLarge = tree.Error is not null && tree.Text.Text.Length == 0;
        return tree.Error is not null && (tooLarge || LooksLikeManifest(tree.Text.Text)) ? tree : null;
    }

    private SyntaxTree Parse(string display, ReadOnlySpan<byte> bytes) =>
        bytes.Length > options.Limits.MaxCharacters
            ? new SyntaxTree(new SourceText(display, string.Empty), [], new SyntaxError($"the file is larger than {options.Limits.MaxCharacters / (1024 * 1024)} MiB and is not read", new TextSpan(0, 0)))
            : SyntaxTree.Parse(SourceText.FromBytes(display, bytes), options.Limits);

    private static bool HoldsObject(SyntaxTree tree) =>
        tree.Documents.Any(d => d.Root?.Resolve() is MappingNode root && root.GetString("apiVersion") is { Length: > 0 } && root.GetString("kind") is { Length: > 0 });

    private static bool LooksLikeManifest(string text) =>
        (text.Contains("apiVersion:", StringComparison.Ordinal) || text.Contains("\"apiVersion\"", StringComparison.Ordinal))
        && (text.Contains("kind:", StringComparison.Ordinal) || text.Contains("\"kind\"", StringComparison.Ordinal));

    private List<string> Walk(string root)
    {
        var files = new List<string>();
        WalkInto(root, files);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private void WalkInto(string directory, List<string> files)
    {
        var isChart = File.Exists(Path.Combine(directory, "Chart.yaml"));
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(directory).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read directory '{DisplayPath(directory)}': {ex.Message}");
        }

        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            if (Directory.Exists(entry))
            {
                if (name.StartsWith('.') || name == "node_modules" || (isChart && name == "templates") || IsExcluded(entry))
                {
                    continue;
                }

                // Symbolic links to folders are not followed: they can form cycles.
                if (new DirectoryInfo(entry).LinkTarget is not null)
                {
                    continue;
                }

                WalkInto(entry, files);
            }
            else if (ManifestExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase) && !name.StartsWith('.') && !IsExcluded(entry))
            {
                files.Add(entry);
            }
        }
    }

    private bool IsExcluded(string fullPath) => options.IsExcludedPath?.Invoke(fullPath) == true;
}
