namespace ManifestPolicy.Tests.Configuration;

/// <summary>A throw-away folder tree for tests that read files; "a/b.yaml" style paths, forward slashes.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "manifestpolicy-tests", Guid.NewGuid().ToString("N")).Replace('\\', '/');
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => $"{Root}/{relative}";

    public string Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string MakeDirectory(string relative)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
