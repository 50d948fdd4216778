using ManifestPolicy.MSBuild;

namespace ManifestPolicy.Tests.Integrations;

/// <summary>The MSBuild task's severity mapping matches the compiler's handling of NoWarn and friends.</summary>
public sealed class WarningPolicyTests
{
    [Theory]
    [InlineData(false, "", "", "", "warning", BuildSeverity.Warning)]
    [InlineData(false, "", "", "", "error", BuildSeverity.Error)]
    [InlineData(false, "", "", "", "note", BuildSeverity.Message)]
    [InlineData(true, "", "", "", "warning", BuildSeverity.Error)]
    [InlineData(true, "", "MP2001", "", "warning", BuildSeverity.Warning)]
    [InlineData(true, "", "CS1591;MP2001", "", "warning", BuildSeverity.Warning)]
    [InlineData(false, "MP2001", "", "", "warning", BuildSeverity.Error)]
    [InlineData(false, "mp2001", "", "", "warning", BuildSeverity.Error)]
    [InlineData(false, "CS0168,MP2001", "", "", "warning", BuildSeverity.Error)]
    [InlineData(false, "MP1001", "", "", "warning", BuildSeverity.Warning)]
    [InlineData(false, "", "", "1591;MP2001", "warning", BuildSeverity.Suppressed)]
    [InlineData(true, "MP2001", "", "MP2001", "warning", BuildSeverity.Suppressed)]
    [InlineData(false, "", "", "MP2001", "error", BuildSeverity.Error)]
    [InlineData(false, "", "", "MP2001", "note", BuildSeverity.Suppressed)]
    public void Classifies_like_the_compiler(bool treatWarningsAsErrors, string warningsAsErrors, string warningsNotAsErrors, string noWarn, string severity, BuildSeverity expected)
    {
        var policy = new WarningPolicy(treatWarningsAsErrors, warningsAsErrors, warningsNotAsErrors, noWarn);

        Assert.Equal(expected, policy.Classify("MP2001", severity));
    }
}
