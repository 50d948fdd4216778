using ManifestPolicy.Syntax;

namespace ManifestPolicy.Semantics;

/// <summary>
/// A scaleTargetRef normalised the way KEDA's webhook does: an empty apiVersion means apps/v1 and an empty kind means
/// Deployment; only group, kind and name are compared.
/// </summary>
public sealed record ScaleTarget(ObjectKey Workload, MappingNode Node, YamlEntry Entry)
{
    public static ScaleTarget? From(ManifestObject owner, string refKey = "scaleTargetRef")
    {
        var entry = owner.Spec?.GetEntry(refKey);
        if (entry?.Value.Resolve() is not MappingNode reference)
        {
            return null;
        }

        // KEDA v1 (keda.k8s.io) wrote the target as scaleTargetRef.deploymentName.
        var name = reference.GetString("name") ?? reference.GetString("deploymentName");
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var apiVersion = reference.GetString("apiVersion");
        var kind = reference.GetString("kind");
        var group = string.IsNullOrEmpty(apiVersion) ? "apps" : ApiVersions.GroupOf(apiVersion);
        kind = string.IsNullOrEmpty(kind) ? "Deployment" : kind;
        group = ApiVersions.NormalizeWorkloadGroup(group, kind);
        return new ScaleTarget(new ObjectKey(group, kind, owner.Namespace, name), reference, entry);
    }

    public string Describe() => $"{Workload.Kind}/{Workload.Name}";
}
