namespace ManifestPolicy.Tests.TestSupport;

/// <summary>
/// A test that needs the SARIF Multitool (installed by tests/tools/validate-sarif with npm) and jq. Outside CI it is
/// skipped, with the reason, when they cannot be had; with CI=true it always runs, so a missing tool fails it.
/// </summary>
public sealed class SarifMultitoolFactAttribute : FactAttribute
{
    public SarifMultitoolFactAttribute()
    {
        if (!RepoPaths.IsCi && MissingTool() is { } missing)
        {
            Skip = $"{missing} not found on PATH; the SARIF Multitool validation runs in CI (.ci/run)";
        }
    }

    internal static string? MissingTool()
    {
        if (!OnPath("bash"))
        {
            return "bash";
        }

        if (!OnPath("jq"))
        {
            return "jq";
        }

        var home = Environment.GetEnvironmentVariable("SARIF_MULTITOOL_HOME")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "sarif-multitool");
        var installed = File.Exists(Path.Combine(home, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool"));
        return installed || OnPath("npm") ? null : "npm";
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}
