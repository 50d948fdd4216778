namespace ManifestPolicy.Semantics;

/// <summary>How the cluster identifies an object: API group, kind, namespace ("" when cluster-scoped) and name.</summary>
public readonly record struct ObjectKey(string Group, string Kind, string Namespace, string Name)
{
    public override string ToString() =>
        Namespace.Length == 0 ? $"{Kind}/{Name}" : $"{Kind}/{Name} (namespace {Namespace})";
}

/// <summary>Splits "group/version" and knows which well-known kinds are cluster-scoped.</summary>
public static class ApiVersions
{
    private static readonly HashSet<string> ClusterScopedKinds = new(StringComparer.Ordinal)
    {
        "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
        "StorageClass", "PriorityClass", "ClusterTriggerAuthentication", "MutatingWebhookConfiguration",
        "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "APIService",
        "IngressClass", "RuntimeClass", "CSIDriver", "CSINode", "VolumeSnapshotClass", "ClusterIssuer", "ClusterPolicy",
        "PodSecurityPolicy", "CertificateSigningRequest", "FlowSchema", "PriorityLevelConfiguration", "VolumeAttachment",
    };

    public static string GroupOf(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/');
        return slash < 0 ? string.Empty : apiVersion[..slash];
    }

    public static string VersionOf(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/');
        return slash < 0 ? apiVersion : apiVersion[(slash + 1)..];
    }

    public static bool IsClusterScoped(string kind) => ClusterScopedKinds.Contains(kind);

    /// <summary>
    /// Deployments, StatefulSets, DaemonSets and ReplicaSets moved from extensions and apps/v1beta* to apps; a
    /// reference written with the old group still names the same workload.
    /// </summary>
    public static string NormalizeWorkloadGroup(string group, string kind) =>
        group == "extensions" && kind is "Deployment" or "DaemonSet" or "ReplicaSet" ? "apps" : group;
}
