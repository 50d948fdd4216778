using ManifestPolicy.Syntax;

namespace ManifestPolicy.Semantics;

/// <summary>One entry of spec.triggers of a ScaledObject or ScaledJob.</summary>
public sealed class KedaTrigger
{
    private KedaTrigger(ManifestObject owner, MappingNode node, int index)
    {
        Owner = owner;
        Node = node;
        Index = index;
        Type = node.GetString("type") ?? string.Empty;
        Metadata = node.GetMapping("metadata");
        AuthenticationRef = node.GetMapping("authenticationRef");
    }

    public ManifestObject Owner { get; }

    public MappingNode Node { get; }

    public int Index { get; }

    public string Type { get; }

    public string? Name => Node.GetString("name");

    public MappingNode? Metadata { get; }

    public MappingNode? AuthenticationRef { get; }

    /// <summary>"trigger 0 (kafka)" or the trigger's own name.</summary>
    public string Describe() => Name is { Length: > 0 } name ? $"trigger '{name}' ({Type})" : $"trigger {Index} ({Type})";

    public ScalarNode? GetMetadataNode(string key) => Metadata?.GetScalar(key);

    public string? GetMetadata(string key) => Metadata?.GetString(key);

    public static bool IsKedaScalable(ManifestObject obj) =>
        obj.Kind is "ScaledObject" or "ScaledJob" && obj.Group is "keda.sh" or "keda.k8s.io";

    public static IEnumerable<KedaTrigger> Of(ManifestObject obj)
    {
        if (!IsKedaScalable(obj) || obj.Spec?.GetSequence("triggers") is not { } triggers)
        {
            yield break;
        }

        for (var i = 0; i < triggers.Items.Count; i++)
        {
            if (triggers.Items[i].Resolve() is MappingNode trigger)
            {
                yield return new KedaTrigger(obj, trigger, i);
            }
        }
    }
}
