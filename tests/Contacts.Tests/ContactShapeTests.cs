extern alias ContactsService;

using ContactsService::Samverkan.Contacts.Model;
using static Samverkan.TestSupport.Shapes;

namespace Samverkan.Contacts.Tests;

/// <summary>
/// A contact field lives in three shapes: what a client sends (<see cref="ContactInput"/>), what
/// is stored (<see cref="Contact"/>) and what is read and carried in events
/// (<see cref="ContactResponse"/>), mapped by name. A field added to one shape, or left out of
/// a mapping, fails here.
/// </summary>
public class ContactShapeTests
{
    [Fact]
    public void The_three_shapes_have_the_same_fields_in_the_same_order_besides_id_erasure_and_version()
    {
        var input = Names<ContactInput>();

        Assert.Equal(["Id", .. input, "ErasedOn"], Names<Contact>());
        Assert.Equal(["Id", .. input, "Version"], Names<ContactResponse>());
    }

    [Fact]
    public void Every_field_sent_is_stored_and_read_back_unchanged()
    {
        var input = new ContactInput
        {
            Kind = ContactKind.Person,
            Function = "Studierektor",
            ForumId = "rur",
            InstitutionId = "umea-universitet",
            Person = new Person("Anna Andersson", "Docent", "Umeå universitet", "anna@example.se", "+46 90 123 45"),
            OwnerInstitutionId = "umea-universitet",
            ValidFrom = new DateOnly(2019, 1, 1),
            ValidTo = new DateOnly(2030, 12, 31),
            VerifiedOn = new DateOnly(2026, 11, 1),
            Note = "Nås bäst på tisdagar",
            AlsoReachesForumIds = ["dialogforum"],
        };

        var stored = ContactChanges.Create("rur-studierektor", input);

        AssertCarried(input, [], stored, ContactResponse.From(stored, 3));
    }
}
