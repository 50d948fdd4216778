using ManifestPolicy.Diagnostics;
using ManifestPolicy.Rules;
using ManifestPolicy.Semantics;

namespace ManifestPolicy.Analyzers;

/// <summary>Runs analyzers over a compilation and returns their findings in a stable order.</summary>
public sealed class AnalyzerDriver
{
    private readonly IReadOnlyList<ManifestAnalyzer> analyzers;

    public AnalyzerDriver(IReadOnlyList<ManifestAnalyzer>? analyzers = null)
    {
        this.analyzers = analyzers ?? RuleCatalog.Analyzers;
    }

    public IReadOnlyList<Diagnostic> Analyze(ManifestCompilation compilation, AnalyzerOptions? options = null)
    {
        options ??= AnalyzerOptions.Default;
        var diagnostics = new List<Diagnostic>();
        foreach (var analyzer in analyzers)
        {
            var registration = new AnalyzerRegistration();
            analyzer.Initialize(registration);
            Guard(analyzer, diagnostics, () => Run(registration, compilation, options, diagnostics.Add));
        }

        diagnostics.Sort(Diagnostic.Compare);
        return Deduplicate(diagnostics);
    }

    private static void Run(AnalyzerRegistration registration, ManifestCompilation compilation, AnalyzerOptions options, Action<Diagnostic> report)
    {
        foreach (var action in registration.FileActions)
        {
            foreach (var tree in compilation.Trees)
            {
                action(new FileAnalysisContext(compilation, options, report, tree));
            }
        }

        foreach (var (kinds, action) in registration.ObjectActions)
        {
            var objects = kinds.Length == 0 ? compilation.Objects : kinds.SelectMany(compilation.GetObjectsOfKind);
            foreach (var obj in objects)
            {
                action(new ObjectAnalysisContext(compilation, options, report, obj));
            }
        }

        foreach (var action in registration.CompilationActions)
        {
            action(new CompilationAnalysisContext(compilation, options, report));
        }
    }

    /// <summary>A failing rule becomes a finding of its own; the other rules still run.</summary>
    private static void Guard(ManifestAnalyzer analyzer, List<Diagnostic> diagnostics, Action run)
    {
        var before = diagnostics.Count;
        try
        {
            run();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            diagnostics.RemoveRange(before, diagnostics.Count - before);
            diagnostics.Add(AnalyzerFailure.Create(analyzer, ex));
        }
    }

    private static List<Diagnostic> Deduplicate(List<Diagnostic> sorted)
    {
        var result = new List<Diagnostic>(sorted.Count);
        foreach (var diagnostic in sorted)
        {
            if (result.Count == 0 || Diagnostic.Compare(result[^1], diagnostic) != 0)
            {
                result.Add(diagnostic);
            }
        }

        return result;
    }
}
