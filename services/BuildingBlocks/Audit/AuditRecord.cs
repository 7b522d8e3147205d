using System.Text.Json.Nodes;

namespace Samverkan.Audit;

/// <summary>
/// One change made through the API: who, when, what, and the trace it belongs to. Personal
/// values are masked in <see cref="Before"/> and <see cref="After"/> (the trail is never
/// rewritten, so it must not hold what an erasure removes); <see cref="Changed"/> still names
/// every field that changed, personal ones included.
/// </summary>
public sealed record AuditRecord(
    string Id,
    DateTimeOffset At,
    string Service,
    AuditActor Actor,
    string Action,
    AuditEntity Entity,
    IReadOnlyList<string> Changed,
    JsonNode? Before,
    JsonNode? After,
    string? TraceId);

/// <summary>The caller as authenticated: subject, roles, the organisations it acts for, its partner id.</summary>
public sealed record AuditActor(string Subject, IReadOnlyList<string> Roles, IReadOnlyList<string> Organisations, string? Partner);

/// <summary>The changed resource, e.g. ("contact", "rur-ordforande").</summary>
public sealed record AuditEntity(string Type, string Id);
