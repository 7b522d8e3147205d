using Samverkan.Contacts.Model;
using Samverkan.ServiceDefaults.OpenApi;

namespace Samverkan.Contacts.Apis;

/// <summary>
/// One valid body per input type, shown in the OpenAPI document; the contract tests send it to
/// a running platform, so it must stay accepted as it is (the ids named are in the seed data).
/// A function contact, since an example should not show a person's data.
/// </summary>
public static class RequestExamples
{
    public static void Register(RequestExampleOptions examples) => examples
        .Add(new ContactInput
        {
            Kind = ContactKind.Function,
            Function = "Samordnare för verksamhetsförlagd utbildning",
            InstitutionId = "region-stockholm",
            OwnerInstitutionId = "region-stockholm",
            ValidFrom = new DateOnly(2025, 1, 1),
        });
}
