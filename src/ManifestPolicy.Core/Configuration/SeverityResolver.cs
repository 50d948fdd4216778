using ManifestPolicy.Diagnostics;
using ManifestPolicy.Rules;

namespace ManifestPolicy.Configuration;

/// <summary>
/// The severity a rule has for one file, and the setting it comes from. When nothing sets it (or a setting says
/// "default"), <see cref="IsConfigured"/> is false: each finding then keeps the severity its rule gave it, which may
/// differ from the descriptor's default (MP3001 reports a guess about a non-MSK port as a warning).
/// </summary>
public sealed record EffectiveSeverity(DiagnosticDescriptor Rule, Severity Severity, string Origin, bool IsConfigured)
{
    public Severity For(Diagnostic diagnostic) => IsConfigured ? Severity : diagnostic.Severity;
}

/// <summary>
/// Decides each rule's severity per file the way Roslyn does: a rule ID setting beats a category setting, which beats
/// the all-rules setting; at the same level the command line beats every file, a deeper .editorconfig beats a
/// shallower one and a later entry beats an earlier one. The search upward stops at "root = true".
/// </summary>
public sealed class SeverityResolver
{
    public const string DefaultOrigin = "default";

    private readonly IReadOnlyList<SeveritySetting> commandLine;
    private readonly string workingDirectory;
    private readonly Dictionary<string, IReadOnlyList<EditorConfigFile>> chains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<SeveritySetting>> settingsByFile = new(StringComparer.Ordinal);

    public SeverityResolver(IEnumerable<SeveritySetting>? commandLine = null, string? workingDirectory = null, bool readEditorConfig = true)
    {
        this.commandLine = [.. commandLine ?? []];
        this.workingDirectory = Normalize(workingDirectory ?? Environment.CurrentDirectory);
        ReadsEditorConfig = readEditorConfig;
    }

    /// <summary>Defaults only: no .editorconfig, no command line.</summary>
    public static SeverityResolver Defaults { get; } = new(readEditorConfig: false);

    public bool ReadsEditorConfig { get; }

    public EffectiveSeverity Resolve(string path, DiagnosticDescriptor rule)
    {
        var settings = SettingsFor(path);
        foreach (var scope in (SeverityScope[])[SeverityScope.Rule, SeverityScope.Category, SeverityScope.All])
        {
            // The list is ordered weakest first, so the last applicable setting wins.
            var winner = settings.LastOrDefault(s => s.Scope == scope && s.AppliesTo(rule));
            if (winner is not null)
            {
                return new EffectiveSeverity(rule, winner.Severity ?? rule.DefaultSeverity, winner.Origin, winner.Severity is not null);
            }
        }

        return new EffectiveSeverity(rule, rule.DefaultSeverity, DefaultOrigin, IsConfigured: false);
    }

    /// <summary>Every rule's severity for a file, in rule ID order: what `check --explain-config` prints.</summary>
    public IReadOnlyList<EffectiveSeverity> Explain(string path) =>
        [.. RuleCatalog.Descriptors.Select(rule => Resolve(path, rule))];

    /// <summary>The .editorconfig files that apply to a path, the outermost first.</summary>
    public IReadOnlyList<EditorConfigFile> EditorConfigFilesFor(string path) =>
        IsRealFile(path) && ReadsEditorConfig ? ChainFor(Path.GetDirectoryName(FullPath(path))!) : [];

    private IReadOnlyList<SeveritySetting> SettingsFor(string path)
    {
        if (settingsByFile.TryGetValue(path, out var cached))
        {
            return cached;
        }

        var settings = new List<SeveritySetting>();
        if (IsRealFile(path) && ReadsEditorConfig)
        {
            var full = FullPath(path);
            foreach (var file in EditorConfigFilesFor(path))
            {
                foreach (var entry in file.EntriesFor(full))
                {
                    if (SeveritySetting.IsOurKey(entry.Key))
                    {
                        settings.Add(SeveritySetting.FromEditorConfig(Display(file.Path), entry, $"{Display(file.Path)}:{entry.Line}"));
                    }
                }
            }
        }

        settings.AddRange(commandLine);
        settingsByFile[path] = settings;
        return settings;
    }

    private IReadOnlyList<EditorConfigFile> ChainFor(string directory)
    {
        directory = Normalize(directory);
        if (chains.TryGetValue(directory, out var cached))
        {
            return cached;
        }

        var here = Read(Path.Combine(directory, ".editorconfig"));
        IReadOnlyList<EditorConfigFile> chain;
        if (here is { IsRoot: true })
        {
            chain = [here];
        }
        else
        {
            var parent = Path.GetDirectoryName(directory);
            var outer = parent is null ? [] : ChainFor(parent);
            chain = here is null ? outer : [.. outer, here];
        }

        chains[directory] = chain;
        return chain;
    }

    private EditorConfigFile? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(Display(path), 0, 0, string.Empty, $"cannot be read: {ex.Message}");
        }

        var file = EditorConfigFile.Parse(Normalize(path), text);

        // A setting above the first section applies to no file at all; say so instead of ignoring it.
        if (file.Preamble.FirstOrDefault(e => SeveritySetting.IsOurKey(e.Key)) is { } global)
        {
            throw new ConfigurationException(Display(file.Path), global.Line, 1, global.Key, "a severity setting must be inside a section, e.g. under [*.{yaml,yml}]");
        }

        // Validate every key of ours up front, matching section or not: a typo must not wait for the right file.
        foreach (var section in file.Sections)
        {
            foreach (var entry in section.Entries.Where(e => SeveritySetting.IsOurKey(e.Key)))
            {
                SeveritySetting.FromEditorConfig(Display(file.Path), entry, string.Empty);
            }
        }

        return file;
    }

    private static bool IsRealFile(string path) => !VirtualPaths.IsVirtual(path);

    private string FullPath(string path) => Normalize(Path.GetFullPath(path, workingDirectory));

    private string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }

    private static string Normalize(string path) => Path.GetFullPath(path).Replace('\\', '/');
}
