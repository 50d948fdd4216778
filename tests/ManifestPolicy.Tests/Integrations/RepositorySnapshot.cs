using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Integrations;

/// <summary>
/// The repository's files as they are now (tracked and new, without ignored build output), committed to a fresh git
/// repository in a scratch folder. The end-to-end tests pack and install from it: pre-commit clones a commit, and
/// packing from a copy leaves the working tree's bin/ and obj/ alone while the tests run.
/// </summary>
public sealed class RepositorySnapshot : IDisposable
{
    private readonly TempDirectory _scratch = new();

    public RepositorySnapshot()
    {
        Root = Path.Combine(_scratch.Path, "manifestpolicy");
        Directory.CreateDirectory(Root);
        var files = ProcessRunner.RunChecked("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], RepoPaths.Root).Output
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Trim('\r', '\n'))
            .Where(f => f.Length > 0 && File.Exists(Path.Combine(RepoPaths.Root, f)));
        foreach (var file in files)
        {
            var target = Path.Combine(Root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(RepoPaths.Root, file), target);
        }
        Git.Init(Root);
        Git.CommitAll(Root, "snapshot");
    }

    public string Root { get; }

    /// <summary>A scratch folder that lives as long as the snapshot.</summary>
    public string NewFolder(string name)
    {
        var path = Path.Combine(_scratch.Path, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose() => _scratch.Dispose();
}

/// <summary>git with a fixed identity, so commits work on machines without a git configuration.</summary>
public static class Git
{
    private static readonly string[] Identity = ["-c", "user.name=ManifestPolicy Tests", "-c", "user.email=tests@manifestpolicy.invalid", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"];

    public static void Init(string directory) => ProcessRunner.RunChecked("git", [.. Identity, "init", "-q"], directory);

    public static void Add(string directory, params string[] paths) => ProcessRunner.RunChecked("git", ["add", "--", .. paths], directory);

    public static void CommitAll(string directory, string message)
    {
        ProcessRunner.RunChecked("git", ["add", "-A"], directory);
        ProcessRunner.RunChecked("git", [.. Identity, "commit", "-q", "--no-verify", "-m", message], directory);
    }
}

[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<RepositorySnapshot>
{
    // One snapshot for all end-to-end tests; they run one after another, which also keeps two `dotnet pack` runs
    // from competing for the machine's cores.
    public const string Name = "End-to-end integrations";
}
