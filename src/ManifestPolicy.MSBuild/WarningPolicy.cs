namespace ManifestPolicy.MSBuild;

public enum BuildSeverity
{
    Suppressed,
    Message,
    Warning,
    Error,
}

/// <summary>
/// Maps a finding's severity to the build's, honouring NoWarn, WarningsAsErrors, WarningsNotAsErrors and
/// TreatWarningsAsErrors as the C# compiler does. MSBuild promotes task warnings listed in WarningsAsErrors itself, but
/// not TreatWarningsAsErrors alone, so the mapping is done here once for all of them.
/// </summary>
public sealed class WarningPolicy
{
    private readonly bool _treatWarningsAsErrors;
    private readonly HashSet<string> _warningsAsErrors;
    private readonly HashSet<string> _warningsNotAsErrors;
    private readonly HashSet<string> _noWarn;

    public WarningPolicy(bool treatWarningsAsErrors, string? warningsAsErrors, string? warningsNotAsErrors, string? noWarn)
    {
        _treatWarningsAsErrors = treatWarningsAsErrors;
        _warningsAsErrors = ParseCodes(warningsAsErrors);
        _warningsNotAsErrors = ParseCodes(warningsNotAsErrors);
        _noWarn = ParseCodes(noWarn);
    }

    /// <param name="severity">The report's severity: error, warning or note.</param>
    public BuildSeverity Classify(string ruleId, string severity)
    {
        switch (severity)
        {
            case "error":
                // Like the compiler: NoWarn never hides an error.
                return BuildSeverity.Error;
            case "warning":
                if (_noWarn.Contains(ruleId))
                {
                    return BuildSeverity.Suppressed;
                }
                if (_warningsAsErrors.Contains(ruleId))
                {
                    return BuildSeverity.Error;
                }
                return _treatWarningsAsErrors && !_warningsNotAsErrors.Contains(ruleId) ? BuildSeverity.Error : BuildSeverity.Warning;
            default:
                return _noWarn.Contains(ruleId) ? BuildSeverity.Suppressed : BuildSeverity.Message;
        }
    }

    // MSBuild lists codes separated by ';' or ','; the compiler also accepts spaces.
    private static HashSet<string> ParseCodes(string? codes) =>
        new((codes ?? "").Split([';', ',', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            StringComparer.OrdinalIgnoreCase);
}
