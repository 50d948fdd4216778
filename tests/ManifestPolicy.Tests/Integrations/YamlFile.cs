using YamlDotNet.RepresentationModel;

namespace ManifestPolicy.Tests.Integrations;

/// <summary>Small navigation over a YAML file, for checking the integration files' key fields.</summary>
public static class YamlFile
{
    public static YamlNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return Assert.Single(stream.Documents).RootNode;
    }

    public static YamlNode Get(this YamlNode node, string key)
    {
        var mapping = Assert.IsType<YamlMappingNode>(node);
        Assert.True(mapping.Children.TryGetValue(new YamlScalarNode(key), out var value), $"no '{key}' in the mapping at {node.Start}");
        return value!;
    }

    public static YamlNode? Find(this YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string Text(this YamlNode node) => Assert.IsType<YamlScalarNode>(node).Value ?? "";

    public static string? TextOf(this YamlNode node, string key) => (node.Find(key) as YamlScalarNode)?.Value;

    public static IReadOnlyList<YamlNode> Items(this YamlNode node) => Assert.IsType<YamlSequenceNode>(node).Children.ToList();

    public static IReadOnlyList<string> Keys(this YamlNode node) =>
        Assert.IsType<YamlMappingNode>(node).Children.Keys.Select(k => ((YamlScalarNode)k).Value ?? "").ToList();
}
