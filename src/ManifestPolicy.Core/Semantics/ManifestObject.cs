using ManifestPolicy.Syntax;

namespace ManifestPolicy.Semantics;

/// <summary>A Kubernetes object found in an input: a document with apiVersion and kind, or an item of a List.</summary>
public sealed class ManifestObject
{
    internal ManifestObject(SyntaxTree tree, YamlDocument document, MappingNode node, int? listItemIndex, string apiVersion, string kind, string defaultNamespace)
    {
        Tree = tree;
        Document = document;
        Node = node;
        ListItemIndex = listItemIndex;
        ApiVersion = apiVersion;
        Kind = kind;
        Group = ApiVersions.GroupOf(apiVersion);
        Metadata = node.GetMapping("metadata");
        Name = Metadata?.GetString("name") ?? Metadata?.GetString("generateName") ?? string.Empty;
        var declaredNamespace = Metadata?.GetString("namespace");
        HasExplicitNamespace = !string.IsNullOrEmpty(declaredNamespace);
        IsClusterScoped = ApiVersions.IsClusterScoped(kind);
        Namespace = IsClusterScoped ? string.Empty : HasExplicitNamespace ? declaredNamespace! : defaultNamespace;
        Key = new ObjectKey(Group, kind, Namespace, Name);
    }

    public SyntaxTree Tree { get; }

    public SourceText Text => Tree.Text;

    public string Path => Tree.Path;

    public YamlDocument Document { get; }

    /// <summary>The object's own mapping: the document root, or the List item.</summary>
    public MappingNode Node { get; }

    /// <summary>The index within a List's items, or null for an object that is a document of its own.</summary>
    public int? ListItemIndex { get; }

    public string ApiVersion { get; }

    public string Group { get; }

    public string Kind { get; }

    public string Name { get; }

    public string Namespace { get; }

    public bool HasExplicitNamespace { get; }

    public bool IsClusterScoped { get; }

    public MappingNode? Metadata { get; }

    public ObjectKey Key { get; }

    public MappingNode? Spec => Node.GetMapping("spec");

    /// <summary>"ScaledObject/inference-scaler", the way kubectl names objects.</summary>
    public string DisplayName => $"{Kind}/{Name}";

    public string? GetLabel(string key) => Metadata?.GetMapping("labels")?.GetString(key);

    public string? GetAnnotation(string key) => Metadata?.GetMapping("annotations")?.GetString(key);

    public ScalarNode? GetAnnotationNode(string key) => Metadata?.GetMapping("annotations")?.GetScalar(key);

    /// <summary>The node to point at when a finding concerns the object as a whole: its name, else its kind.</summary>
    public YamlNode IdentityNode =>
        (YamlNode?)Metadata?.GetEntry("name")?.Value ?? Node.GetEntry("kind")?.Value ?? Node;

    public override string ToString() => $"{DisplayName} in {Path}";
}
