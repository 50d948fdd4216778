namespace ManifestPolicy.Diagnostics;

/// <summary>What a rule is: the facts users write in configuration and read in SARIF, fixed per rule ID.</summary>
public sealed record DiagnosticDescriptor(
    string Id,
    string Name,
    string Title,
    string Category,
    Severity DefaultSeverity,
    string Description,
    string[] Tags,
    string Precision = "high")
{
    public const string HelpUriBase = "https://github.com/manifestpolicy/manifestpolicy/blob/main/rules/";

    /// <summary>The rule's page under rules/, the page users open from a finding.</summary>
    public string HelpUri => $"{HelpUriBase}{Id}.md";
}
