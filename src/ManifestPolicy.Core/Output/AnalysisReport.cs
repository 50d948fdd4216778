using ManifestPolicy.Analyzers;
using ManifestPolicy.Configuration;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Inputs;
using ManifestPolicy.Semantics;

namespace ManifestPolicy.Output;

/// <summary>What a run found, as every writer receives it.</summary>
/// <param name="Diagnostics">Findings in reporting order (path, position, rule).</param>
/// <param name="FileCount">Files checked (context files not counted).</param>
/// <param name="ObjectCount">Kubernetes objects in those files.</param>
/// <param name="BaseDirectory">The folder relative paths are relative to.</param>
public sealed record AnalysisReport(IReadOnlyList<Diagnostic> Diagnostics, int FileCount, int ObjectCount, string BaseDirectory)
{
    /// <summary>
    /// Compiles and analyses loaded inputs and keeps the findings that belong to the files asked about (all of them
    /// unless a context folder was loaded) and are not switched off.
    /// </summary>
    public static AnalysisReport Analyze(
        InputSet inputs,
        string baseDirectory,
        CompilationOptions? compilationOptions = null,
        AnalyzerOptions? analyzerOptions = null,
        IReadOnlyList<ManifestAnalyzer>? analyzers = null,
        DiagnosticFilter? filter = null)
    {
        var compilation = ManifestCompilation.Create(inputs.Trees, compilationOptions);
        var found = new AnalyzerDriver(analyzers).Analyze(compilation, analyzerOptions);

        // Severities per file, suppressions (and MP0002 for unused ones) and the baseline.
        var filtered = filter is null ? found : filter.Apply(compilation, found);
        var diagnostics = filtered
            .Where(d => inputs.IsReported(d) && d.Severity != Severity.None)
            .ToList();
        var objects = compilation.Objects.Count(o => inputs.ReportedPaths.Contains(o.Path));
        return new AnalysisReport(diagnostics, inputs.FileCount, objects, baseDirectory);
    }

    /// <summary>Findings not hidden by a suppression or baseline.</summary>
    public IEnumerable<Diagnostic> Active => Diagnostics.Where(d => d.Suppression is null);

    public int Count(Severity severity) => Active.Count(d => d.Severity == severity);

    /// <summary>"2 errors, 1 warning, 0 notes in 3 files", or "no problems found in 3 files".</summary>
    public string Summary()
    {
        var files = Plural(FileCount, "file");
        var (errors, warnings, notes) = (Count(Severity.Error), Count(Severity.Warning), Count(Severity.Note));
        return errors + warnings + notes == 0
            ? $"no problems found in {files}"
            : $"{Plural(errors, "error")}, {Plural(warnings, "warning")}, {Plural(notes, "note")} in {files}";
    }

    private static string Plural(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";
}

/// <summary>Where a finding is, as output formats print it; null for engine findings that belong to no file.</summary>
internal static class Locations
{
    public static bool HasFile(Location location) => location.Text.Text.Length > 0 || location.Path is not "." and not "";
}
