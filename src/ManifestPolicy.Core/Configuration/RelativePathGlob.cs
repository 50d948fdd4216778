namespace ManifestPolicy.Configuration;

/// <summary>
/// A path glob from manifestpolicy.yaml ("deploy/prod/**", "vendor/**", "*.generated.yaml"), in EditorConfig's
/// dialect and relative to the configuration file's directory; as in .editorconfig and .gitignore, a glob without "/"
/// matches a name at any depth. Paths are matched by their full path, so the result does not depend on the directory
/// the tool runs in.
/// </summary>
public sealed class RelativePathGlob
{
    private readonly EditorConfigGlob glob;

    public RelativePathGlob(string pattern, string baseDirectory)
    {
        Pattern = pattern;
        BaseDirectory = Path.GetFullPath(baseDirectory).Replace('\\', '/').TrimEnd('/');
        var relative = pattern.Replace('\\', '/');
        if (relative.StartsWith("./", StringComparison.Ordinal))
        {
            relative = relative[2..];
        }

        glob = EditorConfigGlob.CompileSection(relative, BaseDirectory);
    }

    public string Pattern { get; }

    public string BaseDirectory { get; }

    /// <summary>True when the path, or a folder it lies in, matches: "vendor" and "vendor/**" both skip vendor/a.yaml.</summary>
    public bool IsMatch(string path, string? workingDirectory = null)
    {
        if (VirtualPaths.IsVirtual(path))
        {
            return false;
        }

        var full = Path.GetFullPath(path, workingDirectory ?? Environment.CurrentDirectory).Replace('\\', '/');
        for (var candidate = full; candidate.Length > BaseDirectory.Length; candidate = candidate[..Math.Max(0, candidate.LastIndexOf('/'))])
        {
            if (glob.IsMatch(candidate))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Pattern;
}
