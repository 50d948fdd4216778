using System.Text;
using ManifestPolicy.Baselines;
using ManifestPolicy.Configuration;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Fixes;
using ManifestPolicy.Inputs;
using ManifestPolicy.Output;
using ManifestPolicy.Semantics;

namespace ManifestPolicy.Cli.Commands;

/// <summary>Runs `check`: load, analyse, filter, write, and decide the exit code.</summary>
public sealed class CheckRunner(CliContext context)
{
    private SarifFixes? sarifFixes;

    public int Run(CheckOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Namespace))
        {
            throw new CliException("--namespace must not be empty");
        }

        // Unknown options reach here as paths, because any word may name a file.
        if (options.Paths.FirstOrDefault(p => p.Length > 1 && p[0] == '-' && !Path.Exists(Path.Combine(context.WorkingDirectory, p))) is { } unknown)
        {
            throw new CliException($"unknown option '{unknown}' (see --help)");
        }

        if (options.ExplainConfigPath is { } explained)
        {
            var forPath = RunConfiguration.Load(options.ConfigFile, options.Severities, null, [explained], context.WorkingDirectory);
            ConfigurationExplainer.Write(context.Stdout, forPath, explained);
            return ExitCodes.Clean;
        }

        var configuration = RunConfiguration.Load(options.ConfigFile, options.Severities, options.BaselineFile, options.Paths, context.WorkingDirectory);
        var inputs = LoadInputs(options, configuration);
        var report = Analyze(inputs, options, configuration);
        if (options.WriteBaselineFile is { } baselineFile)
        {
            return WriteBaseline(report, baselineFile);
        }

        if (options.Format == OutputFormat.Sarif)
        {
            // The fixes `manifestpolicy fix` would make, attached to their results.
            sarifFixes = SarifFixes.Create(inputs.Trees, report.Diagnostics, new FixOptions
            {
                CompilationOptions = new CompilationOptions(options.Namespace),
                AnalyzerOptions = configuration.AnalyzerOptions(options.Environment),
            });
        }

        WriteReport(report, options);

        if (inputs.FileCount == 0)
        {
            var where = options.Paths.Count == 0 ? "the current directory" : string.Join(", ", options.Paths.Select(p => $"'{p}'"));
            context.Stderr.WriteLine($"manifestpolicy: note: no Kubernetes manifests found in {where}");
            return ExitCodes.Clean;
        }

        context.Stderr.WriteLine(report.Summary());
        return report.Active.Any(d => d.Severity >= options.FailLevel && d.Severity != Severity.None) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private InputSet LoadInputs(CheckOptions options, RunConfiguration configuration)
    {
        var loader = new InputLoader(new InputLoaderOptions
        {
            BaseDirectory = context.WorkingDirectory,
            ContextDirectory = options.ContextDirectory,
            OpenStandardInput = context.OpenStandardInput,
            IsExcludedPath = configuration.File.Exclude.Count == 0 ? null : configuration.IsExcluded,
        });
        return loader.Load(options.Paths);
    }

    private AnalysisReport Analyze(InputSet inputs, CheckOptions options, RunConfiguration configuration) =>
        AnalysisReport.Analyze(
            inputs,
            context.WorkingDirectory,
            new CompilationOptions(options.Namespace),
            configuration.AnalyzerOptions(options.Environment),
            filter: configuration.CreateFilter());

    /// <summary>
    /// Records what the run would report (and what an older baseline accepted) as accepted; findings suppressed in
    /// the source are left out, they need no baseline.
    /// </summary>
    private int WriteBaseline(AnalysisReport report, string baselineFile)
    {
        var accepted = report.Diagnostics.Where(d => d.Suppression is null || d.Suppression == DiagnosticFilter.BaselineSuppression).ToList();
        try
        {
            Baseline.Create(baselineFile, accepted, context.WorkingDirectory).Save(Path.GetFullPath(baselineFile, context.WorkingDirectory));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write '{baselineFile}': {ex.Message}");
        }

        var findings = accepted.Count == 1 ? "finding" : "findings";
        context.Stderr.WriteLine($"manifestpolicy: wrote {accepted.Count} {findings} to the baseline '{baselineFile}'");
        return ExitCodes.Clean;
    }

    private void WriteReport(AnalysisReport report, CheckOptions options)
    {
        if (options.OutputFile is null)
        {
            Write(report, options, context.Stdout, color: UseColor(options));
            return;
        }

        var path = Path.GetFullPath(options.OutputFile, context.WorkingDirectory);
        try
        {
            using var file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            file.NewLine = "\n";
            Write(report, options, file, color: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write '{options.OutputFile}': {ex.Message}");
        }
    }

    private void Write(AnalysisReport report, CheckOptions options, TextWriter writer, bool color)
    {
        switch (options.Format)
        {
            case OutputFormat.Sarif:
                new SarifLogWriter(writer, new SarifWriterOptions { Category = options.SarifCategory, IncludeSuppressed = options.IncludeSuppressed, WriteFixes = sarifFixes is null ? null : sarifFixes.Write }).Write(report);
                break;
            case OutputFormat.Json:
                new JsonReportWriter(writer, options.IncludeSuppressed).Write(report);
                break;
            case OutputFormat.GitHub:
                new GitHubAnnotationWriter(writer).Write(report);
                break;
            default:
                new TextDiagnosticWriter(writer, color).Write(report);
                break;
        }

        writer.Flush();
    }

    private bool UseColor(CheckOptions options) =>
        options.Format == OutputFormat.Text
        && !options.NoColor
        && context.StdoutIsTerminal
        && string.IsNullOrEmpty(context.GetEnvironmentVariable("NO_COLOR"));
}
