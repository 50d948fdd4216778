using ManifestPolicy.Analyzers;

namespace ManifestPolicy.Configuration;

/// <summary>
/// What manifestpolicy.yaml says: everything but severities (those live in .editorconfig). An absent file gives the
/// defaults; a present one is validated in full (<see cref="ConfigurationFileReader"/>).
/// </summary>
public sealed class ManifestPolicyConfiguration
{
    public static IReadOnlyList<string> FileNames { get; } = ["manifestpolicy.yaml", "manifestpolicy.yml"];

    internal ManifestPolicyConfiguration(string? path, string baseDirectory, AnalyzerOptions analyzerOptions, IReadOnlyDictionary<string, string> valueMappings, IReadOnlyList<string> exclude)
    {
        FilePath = path;
        BaseDirectory = baseDirectory;
        AnalyzerOptions = analyzerOptions;
        ValueMappings = valueMappings;
        Exclude = exclude;
        excludeGlobs = [.. exclude.Select(glob => new RelativePathGlob(glob, baseDirectory))];
    }

    private readonly IReadOnlyList<RelativePathGlob> excludeGlobs;

    /// <summary>The file read, or null when none was found.</summary>
    public string? FilePath { get; }

    /// <summary>The directory relative paths in the file (environment paths, exclude) are resolved against.</summary>
    public string BaseDirectory { get; }

    public AnalyzerOptions AnalyzerOptions { get; }

    /// <summary>values.mappings: placeholder name to the value source the fix and render commands use.</summary>
    public IReadOnlyDictionary<string, string> ValueMappings { get; }

    /// <summary>exclude: globs of paths never read, relative to <see cref="BaseDirectory"/>.</summary>
    public IReadOnlyList<string> Exclude { get; }

    public static ManifestPolicyConfiguration Empty(string baseDirectory) =>
        new(null, Path.GetFullPath(baseDirectory), AnalyzerOptions.Default, new Dictionary<string, string>(), []);

    public bool IsExcluded(string path, string? workingDirectory = null) =>
        excludeGlobs.Any(glob => glob.IsMatch(path, workingDirectory));

    /// <summary>Reads and validates a file; throws <see cref="ConfigurationException"/> naming the line at fault.</summary>
    public static ManifestPolicyConfiguration Load(string path, string? displayPath = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(displayPath ?? path, 0, 0, string.Empty, $"the configuration file cannot be read: {ex.Message}");
        }

        return Parse(displayPath ?? path, text, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public static ManifestPolicyConfiguration Parse(string displayPath, string text, string baseDirectory) =>
        new ConfigurationFileReader(displayPath, text, Path.GetFullPath(baseDirectory)).Read();

    /// <summary>
    /// The configuration for a run: --config when given, else the nearest manifestpolicy.yaml (or .yml) found
    /// walking up from the first input (the working directory when reading standard input), stopping at the
    /// repository root (the folder holding .git).
    /// </summary>
    public static ManifestPolicyConfiguration Resolve(string? explicitPath, IReadOnlyList<string> inputs, string workingDirectory)
    {
        if (explicitPath is not null)
        {
            var full = Path.GetFullPath(explicitPath, workingDirectory);
            if (!File.Exists(full))
            {
                throw new ConfigurationException(explicitPath, 0, 0, string.Empty, "the configuration file given with --config does not exist");
            }

            return Load(full, explicitPath);
        }

        var start = StartDirectory(inputs, workingDirectory);
        var found = Discover(start, workingDirectory);
        return found is null ? Empty(workingDirectory) : Load(found, Display(found, workingDirectory));
    }

    /// <summary>The nearest configuration file at or above a directory, up to and including the repository root.</summary>
    public static string? Discover(string startDirectory, string workingDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            var present = FileNames.Select(name => Path.Combine(dir.FullName, name)).Where(File.Exists).ToList();
            if (present.Count > 1)
            {
                throw new ConfigurationException(Display(present[1], workingDirectory), 0, 0, string.Empty,
                    $"both {FileNames[0]} and {FileNames[1]} exist in {Display(dir.FullName, workingDirectory)}; keep one");
            }

            if (present.Count == 1)
            {
                return present[0];
            }

            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return null;
            }
        }

        return null;
    }

    private static string StartDirectory(IReadOnlyList<string> inputs, string workingDirectory)
    {
        var first = inputs.FirstOrDefault(i => i != "-");
        if (first is null)
        {
            return workingDirectory;
        }

        var full = Path.GetFullPath(first, workingDirectory);
        return Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? workingDirectory;
    }

    private static string Display(string fullPath, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath).Replace('\\', '/');
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath.Replace('\\', '/') : relative;
    }
}
