using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ManifestPolicy.MSBuild;

/// <summary>
/// Runs `dotnet manifestpolicy.dll check --format json` on the project's manifests and logs every finding at its
/// file(line,column,endLine,endColumn) with its rule code, so builds and IDEs show them like compiler diagnostics.
/// Out of process on purpose: the task never loads the analyzer (or YamlDotNet) into the build's process.
/// </summary>
public sealed class ManifestPolicyCheck : ToolTask
{
    private const int ExitFindings = 1;
    private readonly StringBuilder _standardError = new();
    private string _format = "json";
    private string _output = "";

    [Required]
    public ITaskItem[] Files { get; set; } = [];

    /// <summary>Path of manifestpolicy.dll (the package carries it under tools/cli/).</summary>
    [Required]
    public string ToolAssembly { get; set; } = "";

    /// <summary>Where the JSON report goes; the task reads it back.</summary>
    [Required]
    public string JsonOutputFile { get; set; } = "";

    /// <summary>The `dotnet` that runs the build ($(DOTNET_HOST_PATH)); found on PATH when empty.</summary>
    public string? DotNetHostPath { get; set; }

    /// <summary>Optional SARIF 2.1.0 log, written by a second run of the CLI.</summary>
    public string? ErrorLog { get; set; }

    public bool TreatWarningsAsErrors { get; set; }
    public string? WarningsAsErrors { get; set; }
    public string? WarningsNotAsErrors { get; set; }
    public string? NoWarn { get; set; }
    public string? WorkingDirectory { get; set; }

    protected override string ToolName => OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

    // Distinct importances tell the two streams apart in LogEventsFromTextOutput.
    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Low;

    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

    public override bool Execute()
    {
        if (Files.Length == 0)
        {
            return true;
        }
        if (!File.Exists(ToolAssembly))
        {
            Log.LogError("ManifestPolicy: the CLI was not found at '{0}'; restore the ManifestPolicy.MSBuild package again or set ManifestPolicyToolAssembly.", ToolAssembly);
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(JsonOutputFile))!);
        File.Delete(JsonOutputFile);
        if (!RunCli("json", JsonOutputFile))
        {
            return false;
        }
        if (!string.IsNullOrEmpty(ErrorLog))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(ErrorLog))!);
            if (!RunCli("sarif", ErrorLog!))
            {
                return false;
            }
        }

        DiagnosticReport report;
        try
        {
            report = DiagnosticReport.Load(JsonOutputFile);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException)
        {
            Log.LogError("ManifestPolicy: could not read the report '{0}': {1}", JsonOutputFile, e.Message);
            return false;
        }

        var policy = new WarningPolicy(TreatWarningsAsErrors, WarningsAsErrors, WarningsNotAsErrors, NoWarn);
        foreach (var diagnostic in report.Diagnostics)
        {
            LogDiagnostic(diagnostic, policy.Classify(diagnostic.RuleId, diagnostic.Severity));
        }
        return !Log.HasLoggedErrors;
    }

    private bool RunCli(string format, string output)
    {
        _format = format;
        _output = output;
        _standardError.Clear();
        base.Execute();
        // 0: clean, 1: findings (reported below from the JSON file). Anything else is the CLI's own failure.
        if (ExitCode is 0 or ExitFindings && File.Exists(output))
        {
            return true;
        }
        var detail = _standardError.ToString().Trim();
        Log.LogError("ManifestPolicy: `manifestpolicy check --format {0}` failed with exit code {1}{2}", format, ExitCode,
            detail.Length == 0 ? "." : ": " + detail);
        return false;
    }

    protected override string GenerateFullPathToTool()
    {
        if (!string.IsNullOrEmpty(DotNetHostPath) && File.Exists(DotNetHostPath))
        {
            return DotNetHostPath!;
        }
        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (directory.Length > 0 && File.Exists(Path.Combine(directory, ToolName)))
            {
                return Path.Combine(directory, ToolName);
            }
        }
        return ToolName;
    }

    protected override string? GetWorkingDirectory() =>
        string.IsNullOrEmpty(WorkingDirectory) ? base.GetWorkingDirectory() : WorkingDirectory;

    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder();
        builder.AppendFileNameIfNotNull(ToolAssembly);
        builder.AppendSwitch("check");
        builder.AppendSwitchIfNotNull("--format ", _format);
        builder.AppendSwitchIfNotNull("--output ", _output);
        builder.AppendFileNamesIfNotNull(Files, " ");
        return builder.ToString();
    }

    // The exit code is judged in RunCli: 1 only means there are findings.
    protected override bool HandleTaskExecutionErrors() => true;

    // The CLI's own lines ("manifestpolicy: error: ...", the summary) are kept as low-importance messages: the base
    // class would turn canonical error lines into a second build error next to the one RunCli logs.
    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (messageImportance == StandardErrorLoggingImportance)
        {
            _standardError.AppendLine(singleLine);
        }
        Log.LogMessage(MessageImportance.Low, "{0}", singleLine);
    }

    private void LogDiagnostic(ReportedDiagnostic d, BuildSeverity severity)
    {
        // Paths in the report are as the CLI saw them: relative to the working directory (the project directory).
        var file = Path.IsPathRooted(d.Path) || string.IsNullOrEmpty(WorkingDirectory) ? d.Path : Path.GetFullPath(Path.Combine(WorkingDirectory!, d.Path));
        switch (severity)
        {
            case BuildSeverity.Error:
                Log.LogError(null, d.RuleId, d.RuleId, d.HelpUri, file, d.StartLine, d.StartColumn, d.EndLine, d.EndColumn, "{0}", d.Message);
                break;
            case BuildSeverity.Warning:
                Log.LogWarning(null, d.RuleId, d.RuleId, d.HelpUri, file, d.StartLine, d.StartColumn, d.EndLine, d.EndColumn, "{0}", d.Message);
                break;
            case BuildSeverity.Message:
                Log.LogMessage(null, d.RuleId, d.RuleId, file, d.StartLine, d.StartColumn, d.EndLine, d.EndColumn, MessageImportance.Normal, "{0}", d.Message);
                break;
            case BuildSeverity.Suppressed:
                Log.LogMessage(null, d.RuleId, d.RuleId, file, d.StartLine, d.StartColumn, d.EndLine, d.EndColumn, MessageImportance.Low, "{0} (suppressed by NoWarn)", d.Message);
                break;
        }
    }
}
