namespace ManifestPolicy.Tests.Fixes;

/// <summary>Compares output with a file under Fixes/Golden; MANIFESTPOLICY_ACCEPT=1 rewrites the file instead.</summary>
internal static class Golden
{
    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(FixTestHost.RepoRoot, "tests/ManifestPolicy.Tests/Fixes/Golden", name);
        if (Environment.GetEnvironmentVariable("MANIFESTPOLICY_ACCEPT") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {name} is missing; run with MANIFESTPOLICY_ACCEPT=1 and review it");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
