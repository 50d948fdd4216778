using ManifestPolicy.Syntax;

namespace ManifestPolicy.Semantics;

/// <summary>
/// Every object of every input, indexed so that cross-object questions cost a hash lookup, never a pairwise scan.
/// Rules ask this model; they do not parse anything themselves.
/// </summary>
public sealed class ManifestCompilation
{
    private readonly Dictionary<ObjectKey, List<ManifestObject>> byKey = [];
    private readonly Dictionary<string, List<ManifestObject>> byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Kind, string Namespace, string Name), List<ManifestObject>> byKindAndName = [];

    private ManifestCompilation(IReadOnlyList<SyntaxTree> trees, CompilationOptions options)
    {
        Trees = trees;
        Options = options;
        var objects = new List<ManifestObject>();
        foreach (var tree in trees)
        {
            foreach (var document in tree.Documents)
            {
                CollectObjects(tree, document, objects);
            }
        }

        Objects = objects;
        foreach (var obj in objects)
        {
            Index(byKey, obj.Key, obj);
            Index(byKind, obj.Kind, obj);
            Index(byKindAndName, (obj.Kind, obj.Namespace, obj.Name), obj);
        }
    }

    public IReadOnlyList<SyntaxTree> Trees { get; }

    public CompilationOptions Options { get; }

    public IReadOnlyList<ManifestObject> Objects { get; }

    public static ManifestCompilation Create(IEnumerable<SyntaxTree> trees, CompilationOptions? options = null) =>
        new([.. trees], options ?? CompilationOptions.Default);

    public IReadOnlyList<ManifestObject> GetObjectsOfKind(string kind) =>
        byKind.TryGetValue(kind, out var list) ? list : [];

    /// <summary>All objects with this key; more than one when alternative files define the same object.</summary>
    public IReadOnlyList<ManifestObject> Find(ObjectKey key) =>
        byKey.TryGetValue(key, out var list) ? list : [];

    /// <summary>Objects of a kind by namespace and name, whatever their API group.</summary>
    public IReadOnlyList<ManifestObject> Find(string kind, string @namespace, string name) =>
        byKindAndName.TryGetValue((kind, @namespace, name), out var list) ? list : [];

    private void CollectObjects(SyntaxTree tree, YamlDocument document, List<ManifestObject> objects)
    {
        if (document.Root?.Resolve() is not MappingNode root || !TryGetTypeInfo(root, out var apiVersion, out var kind))
        {
            return;
        }

        if (IsList(kind, root) && root.GetSequence("items") is { } items)
        {
            for (var i = 0; i < items.Items.Count; i++)
            {
                if (items.Items[i].Resolve() is MappingNode item && TryGetTypeInfo(item, out var itemApiVersion, out var itemKind))
                {
                    objects.Add(new ManifestObject(tree, document, item, i, itemApiVersion, itemKind, Options.DefaultNamespace));
                }
            }

            return;
        }

        objects.Add(new ManifestObject(tree, document, root, null, apiVersion, kind, Options.DefaultNamespace));
    }

    private static bool IsList(string kind, MappingNode root) =>
        (kind == "List" || kind.EndsWith("List", StringComparison.Ordinal)) && root.Get("items") is SequenceNode;

    private static bool TryGetTypeInfo(MappingNode node, out string apiVersion, out string kind)
    {
        apiVersion = node.GetString("apiVersion") ?? string.Empty;
        kind = node.GetString("kind") ?? string.Empty;
        return apiVersion.Length > 0 && kind.Length > 0;
    }

    private static void Index<TKey>(Dictionary<TKey, List<ManifestObject>> index, TKey key, ManifestObject obj)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(obj);
    }
}

/// <summary>Facts about the run that the model needs: where unset namespaces land.</summary>
public sealed record CompilationOptions(string DefaultNamespace)
{
    public static CompilationOptions Default { get; } = new("default");
}
