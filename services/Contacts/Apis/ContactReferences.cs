using Samverkan.Contacts.Model;
using Samverkan.Forums.Protos;
using Samverkan.Http;
using Samverkan.Institutions.Protos;

namespace Samverkan.Contacts.Apis;

/// <summary>
/// Checks that the forum and institutions a contact names exist, by asking the services that own
/// them (never their databases). Only references that are new or changed are checked, so editing
/// a phone number does not depend on Forums being up; when a needed service is down the call
/// fails and the request answers 503. An input already invalid is not checked further, so a
/// malformed request is a 400 whether or not the other services answer.
/// </summary>
internal static class ContactReferences
{
    public static async Task CheckAsync(
        ContactInput input, Contact? current, Validation validation,
        ForumDirectory.ForumDirectoryClient forums, InstitutionDirectory.InstitutionDirectoryClient institutions, CancellationToken ct)
    {
        if (!validation.IsValid)
        {
            return;
        }
        var forumFields = new List<(string Field, string Id)>();
        if (Changed(input.ForumId, current?.ForumId) is { } forumId)
        {
            forumFields.Add(("forumId", forumId));
        }
        var reaches = input.AlsoReachesForumIds ?? [];
        for (var i = 0; i < reaches.Count; i++)
        {
            if (current?.AlsoReachesForumIds.Contains(reaches[i]) != true)
            {
                forumFields.Add(($"alsoReachesForumIds[{i}]", reaches[i]));
            }
        }
        if (forumFields.Count > 0)
        {
            var reply = await forums.GetForumsAsync(new GetForumsRequest { Ids = { forumFields.Select(field => field.Id).Distinct(StringComparer.Ordinal) } }, cancellationToken: ct);
            foreach (var (field, id) in forumFields.Where(field => reply.MissingIds.Contains(field.Id)))
            {
                validation.Add(field, $"No forum has the id '{id}'.");
            }
        }
        var fields = new List<(string Field, string Id)>();
        if (Changed(input.InstitutionId, current?.InstitutionId) is { } institutionId)
        {
            fields.Add(("institutionId", institutionId));
        }
        if (Changed(input.OwnerInstitutionId, current?.OwnerInstitutionId) is { } ownerId)
        {
            fields.Add(("ownerInstitutionId", ownerId));
        }
        if (fields.Count == 0)
        {
            return;
        }
        var request = new GetInstitutionsRequest { Ids = { fields.Select(field => field.Id).Distinct(StringComparer.Ordinal) } };
        var missing = (await institutions.GetInstitutionsAsync(request, cancellationToken: ct)).MissingIds.ToHashSet(StringComparer.Ordinal);
        foreach (var (field, id) in fields.Where(field => missing.Contains(field.Id)))
        {
            validation.Add(field, $"No institution has the id '{id}'.");
        }
    }

    private static string? Changed(string? wanted, string? current) =>
        wanted is not null && !string.Equals(wanted, current, StringComparison.Ordinal) ? wanted : null;
}
