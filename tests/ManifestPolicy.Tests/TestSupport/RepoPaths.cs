namespace ManifestPolicy.Tests.TestSupport;

/// <summary>Paths in the source tree, so that golden files are read and rewritten where they are committed.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Tests => Path.Combine(Root, "tests", "ManifestPolicy.Tests");

    public static string RuleFixtures => Path.Combine(Tests, "Rules");

    public static string RulePages => Path.Combine(Root, "rules");

    public static string ValidateSarif => Path.Combine(Root, "tests", "tools", "validate-sarif");

    public static bool Accept => Environment.GetEnvironmentVariable("MANIFESTPOLICY_ACCEPT") == "1";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ManifestPolicy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with ManifestPolicy.sln) is not above the test binaries.");
    }
}
