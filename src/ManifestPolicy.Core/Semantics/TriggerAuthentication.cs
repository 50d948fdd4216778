using ManifestPolicy.Syntax;

namespace ManifestPolicy.Semantics;

public enum AuthParameterState
{
    /// <summary>The trigger has no authenticationRef, or the referenced object does not supply the parameter.</summary>
    NotSupplied,

    /// <summary>The value was found and read.</summary>
    Resolved,

    /// <summary>The parameter comes from something not in the analysed set (a Secret, env var, vault): unknown here.</summary>
    Unresolvable,
}

/// <summary>What a trigger's authenticationRef supplies for one parameter, and the chain it came through.</summary>
public sealed record AuthParameter(AuthParameterState State, string? Value, ManifestObject? Authentication, ResolvedValue? Source, string? Reason)
{
    public static AuthParameter NotSupplied { get; } = new(AuthParameterState.NotSupplied, null, null, null, null);
}

/// <summary>Follows trigger authenticationRef -> TriggerAuthentication / ClusterTriggerAuthentication -> Secret or ConfigMap.</summary>
public static class TriggerAuthenticationResolver
{
    public static IReadOnlyList<ManifestObject> FindAuthentication(ManifestCompilation compilation, KedaTrigger trigger)
    {
        if (trigger.AuthenticationRef is not { } reference || reference.GetString("name") is not { Length: > 0 } name)
        {
            return [];
        }

        return reference.GetString("kind") == "ClusterTriggerAuthentication"
            ? compilation.Find("ClusterTriggerAuthentication", string.Empty, name)
            : compilation.Find("TriggerAuthentication", trigger.Owner.Namespace, name);
    }

    public static AuthParameter Resolve(ManifestCompilation compilation, KedaTrigger trigger, string parameter)
    {
        if (trigger.AuthenticationRef is null)
        {
            return AuthParameter.NotSupplied;
        }

        var authentications = FindAuthentication(compilation, trigger);
        if (authentications.Count == 0)
        {
            return new AuthParameter(AuthParameterState.Unresolvable, null, null, null, "the authentication object is not among the inputs");
        }

        var authentication = authentications[0];
        var spec = authentication.Spec;
        if (FindParameter(spec?.GetSequence("secretTargetRef"), parameter) is { } secretRef)
        {
            return ResolveFrom(compilation, authentication, secretRef, "Secret");
        }

        if (FindParameter(spec?.GetSequence("configMapTargetRef"), parameter) is { } configMapRef)
        {
            return ResolveFrom(compilation, authentication, configMapRef, "ConfigMap");
        }

        if (FindParameter(spec?.GetSequence("env"), parameter) is not null
            || spec?.GetMapping("hashiVault") is not null
            || spec?.GetMapping("azureKeyVault") is not null
            || spec?.GetMapping("awsSecretManager") is not null
            || spec?.GetMapping("gcpSecretManager") is not null)
        {
            return new AuthParameter(AuthParameterState.Unresolvable, null, authentication, null, "the value comes from outside the manifests");
        }

        return AuthParameter.NotSupplied with { Authentication = authentication };
    }

    private static MappingNode? FindParameter(SequenceNode? references, string parameter) =>
        references?.Items.Select(i => i.Resolve()).OfType<MappingNode>().LastOrDefault(r => r.GetString("parameter") == parameter);

    private static AuthParameter ResolveFrom(ManifestCompilation compilation, ManifestObject authentication, MappingNode reference, string kind)
    {
        var name = reference.GetString("name");
        var key = reference.GetString("key");
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(key))
        {
            return new AuthParameter(AuthParameterState.Unresolvable, null, authentication, null, $"the {kind} reference names no {(string.IsNullOrEmpty(name) ? "name" : "key")}");
        }

        // A ClusterTriggerAuthentication reads its Secrets from KEDA's own namespace, which the manifests do not tell.
        var candidates = authentication.IsClusterScoped
            ? compilation.GetObjectsOfKind(kind).Where(o => o.Name == name).ToList()
            : compilation.Find(kind, authentication.Namespace, name);
        if (candidates.Count == 0)
        {
            return new AuthParameter(AuthParameterState.Unresolvable, null, authentication, null, $"{kind}/{name} is not among the inputs");
        }

        var value = SecretData.Read(candidates[0], key);
        return value is null
            ? new AuthParameter(AuthParameterState.Unresolvable, null, authentication, null, $"{kind}/{name} has no readable key '{key}'")
            : new AuthParameter(AuthParameterState.Resolved, value.Value, authentication, value, null);
    }
}
