using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Fixes.Templates;
using ManifestPolicy.Fixes.Values;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Fixes;

/// <summary>How MP1001 resolves a conflict: delete the HPA, or let the ScaledObject adopt it.</summary>
public enum HpaStrategy
{
    Remove,
    Adopt,
}

/// <summary>A Secret holding the brokers' CA, from --ca-secret NAME[:KEY].</summary>
public sealed record CaSecret(string Name, string Key)
{
    public const string DefaultKey = "ca.crt";

    public static CaSecret Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? text : text[..colon];
        var key = colon < 0 ? DefaultKey : text[(colon + 1)..];
        if (name.Length == 0 || key.Length == 0)
        {
            throw new ArgumentException($"--ca-secret '{text}' is not NAME or NAME:KEY");
        }

        return new CaSecret(name, key);
    }
}

/// <summary>What the user asked fixes to do.</summary>
public sealed record FixOptions
{
    public ValueSet Values { get; init; } = new();

    public HpaStrategy HpaStrategy { get; init; } = HpaStrategy.Remove;

    /// <summary>Lets MP1001 delete a file whose only document is the HPA.</summary>
    public bool AllowDelete { get; init; }

    public CaSecret? CaSecret { get; init; }

    public FixTemplates Templates { get; init; } = FixTemplates.Default;

    public AnalyzerOptions AnalyzerOptions { get; init; } = AnalyzerOptions.Default;

    public CompilationOptions CompilationOptions { get; init; } = CompilationOptions.Default;

    /// <summary>
    /// Applied to the analyzers' findings before fixing, as `check` applies its configuration: in-source
    /// suppressions and per-file severities. Suppressed findings and findings switched off are never fixed.
    /// </summary>
    public Func<ManifestCompilation, IReadOnlyList<Diagnostic>, IReadOnlyList<Diagnostic>>? Filter { get; init; }
}

/// <summary>What a provider sees: the model the finding came from, every finding of the pass, and the options.</summary>
public sealed class CodeFixContext
{
    public CodeFixContext(ManifestCompilation compilation, IReadOnlyList<Diagnostic> diagnostics, FixOptions options)
    {
        Compilation = compilation;
        Diagnostics = diagnostics;
        Options = options;
    }

    public ManifestCompilation Compilation { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public FixOptions Options { get; }

    public FixTemplates Templates => Options.Templates;

    public SyntaxTree? FindTree(string path) => Compilation.Trees.FirstOrDefault(t => t.Path == path);

    /// <summary>The object a finding was reported in: the one whose node holds the finding's position.</summary>
    public ManifestObject? FindObjectAt(Location location) =>
        Compilation.Objects
            .Where(o => o.Path == location.Path && o.Node.Span.Start <= location.Span.Start && location.Span.Start <= o.Node.Span.End)
            .OrderByDescending(o => o.Node.Span.Start)
            .FirstOrDefault();
}

/// <summary>
/// A code fix for one rule, in Roslyn's shape: given a finding, it returns the text edits that fix it on the original
/// file, or the reason it cannot. Providers are listed once, in <see cref="CodeFixCatalog"/>.
/// </summary>
public abstract class CodeFixProvider
{
    public abstract DiagnosticDescriptor Rule { get; }

    /// <summary>One sentence for the rule page and the SARIF fix description.</summary>
    public abstract string Description { get; }

    public abstract FixResult GetFix(CodeFixContext context, Diagnostic diagnostic);

    protected static string Property(Diagnostic diagnostic, string name) =>
        diagnostic.Properties.TryGetValue(name, out var value) ? value : string.Empty;

    protected static int? IntProperty(Diagnostic diagnostic, string name) =>
        int.TryParse(Property(diagnostic, name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
