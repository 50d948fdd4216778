using ManifestPolicy.Diagnostics;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Analyzers;

/// <summary>
/// A rule, in Roslyn's shape: it declares its descriptors and registers actions per object kind, per file, or once
/// for the whole compilation (cross-object rules).
/// </summary>
public abstract class ManifestAnalyzer
{
    public abstract DiagnosticDescriptor Descriptor { get; }

    public abstract void Initialize(AnalyzerRegistration registration);
}

public sealed class AnalyzerRegistration
{
    internal List<(string[] Kinds, Action<ObjectAnalysisContext> Action)> ObjectActions { get; } = [];

    internal List<Action<FileAnalysisContext>> FileActions { get; } = [];

    internal List<Action<CompilationAnalysisContext>> CompilationActions { get; } = [];

    /// <summary>Runs for each object of the given kinds (all objects when none are given).</summary>
    public void RegisterObjectAction(Action<ObjectAnalysisContext> action, params string[] kinds) => ObjectActions.Add((kinds, action));

    /// <summary>Runs once for each input file, parsed or not.</summary>
    public void RegisterFileAction(Action<FileAnalysisContext> action) => FileActions.Add(action);

    /// <summary>Runs once with the whole model, for rules that relate objects to each other.</summary>
    public void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => CompilationActions.Add(action);
}

public abstract class AnalysisContext
{
    private readonly Action<Diagnostic> report;

    protected AnalysisContext(ManifestCompilation compilation, AnalyzerOptions options, Action<Diagnostic> report)
    {
        Compilation = compilation;
        Options = options;
        this.report = report;
    }

    public ManifestCompilation Compilation { get; }

    public AnalyzerOptions Options { get; }

    public void Report(Diagnostic diagnostic) => report(diagnostic);

    /// <summary>Creates a finding at a node of a file, with the descriptor's default severity.</summary>
    public Diagnostic Create(DiagnosticDescriptor descriptor, SourceText text, TextSpan span, string message, string fingerprintKey, params RelatedLocation[] related) =>
        new(descriptor, descriptor.DefaultSeverity, new Location(text, span), message, fingerprintKey, related);
}

public sealed class ObjectAnalysisContext(ManifestCompilation compilation, AnalyzerOptions options, Action<Diagnostic> report, ManifestObject obj)
    : AnalysisContext(compilation, options, report)
{
    public ManifestObject Object { get; } = obj;
}

public sealed class FileAnalysisContext(ManifestCompilation compilation, AnalyzerOptions options, Action<Diagnostic> report, SyntaxTree tree)
    : AnalysisContext(compilation, options, report)
{
    public SyntaxTree Tree { get; } = tree;
}

public sealed class CompilationAnalysisContext(ManifestCompilation compilation, AnalyzerOptions options, Action<Diagnostic> report)
    : AnalysisContext(compilation, options, report);
