using Samverkan.Http;
using Samverkan.Text;
using static Samverkan.Contacts.Model.ContactBounds;

namespace Samverkan.Contacts.Model;

/// <summary>
/// The rules for changing a contact. Pure: the API normalizes, validates, checks references
/// with the owning services, and stores. Messages name fields, never echo personal values.
/// </summary>
public static class ContactChanges
{
    private const string PhoneCharacters = "0123456789 +-()";

    /// <summary>Trims every text and turns blanks into null, so "" never counts as a forum or an e-mail.</summary>
    public static ContactInput Normalize(ContactInput input)
    {
        var person = input.Person is null ? null : new Person(
            Blank(input.Person.Name), Blank(input.Person.Title), Blank(input.Person.Organisation),
            Blank(input.Person.Email), Blank(input.Person.Phone));
        return input with
        {
            Function = Blank(input.Function),
            ForumId = Blank(input.ForumId),
            InstitutionId = Blank(input.InstitutionId),
            Person = person is { Name: null, Title: null, Organisation: null, Email: null, Phone: null } ? null : person,
            OwnerInstitutionId = Blank(input.OwnerInstitutionId),
            Note = Blank(input.Note),
            AlsoReachesForumIds = input.AlsoReachesForumIds?.Select(id => id?.Trim() ?? "").ToList(),
        };
    }

    /// <summary>Checks a normalized input; references to forums and institutions are checked by the caller.</summary>
    public static Validation Validate(ContactInput input, DateOnly today)
    {
        var validation = new Validation()
            .MaxLength("function", input.Function, FunctionLength)
            .MaxLength("forumId", input.ForumId, IdLength)
            .MaxLength("institutionId", input.InstitutionId, IdLength)
            .MaxLength("ownerInstitutionId", input.OwnerInstitutionId, IdLength)
            .MaxLength("note", input.Note, NoteLength)
            .TextList("alsoReachesForumIds", input.AlsoReachesForumIds, MaxAlsoReaches, IdLength)
            .Date("validFrom", input.ValidFrom)
            .Date("validTo", input.ValidTo)
            .Period("validTo", input.ValidFrom, input.ValidTo)
            .Date("verifiedOn", input.VerifiedOn, notAfter: today);
        switch (input.Kind)
        {
            case null:
                validation.Add("kind", "This field is required: function or person.");
                break;
            case ContactKind.Function when !Visible(input.Function):
                validation.Add("function", "A function contact names its function, e.g. \"Chair of RUR\".");
                break;
            case ContactKind.Person when !Visible(input.Person?.Name):
                validation.Add("person.name", "A person contact names the person.");
                break;
        }
        if ((input.ForumId is null) == (input.InstitutionId is null))
        {
            const string message = "Give exactly one of forumId and institutionId.";
            validation.Add("forumId", message).Add("institutionId", message);
        }
        if (input.Person is { } person)
        {
            ValidatePerson(person, validation);
        }
        return validation;
    }

    /// <summary>A new contact's id is readable but never derived from a person's name: ids appear in logs and URLs.</summary>
    public static string IdBase(ContactInput input) => Slug.From($"{input.ForumId ?? input.InstitutionId} {input.Function ?? "contact"}");

    public static Contact Create(string id, ContactInput input) => new()
    {
        Id = id,
        Kind = input.Kind!.Value,
        Function = input.Function,
        ForumId = input.ForumId,
        InstitutionId = input.InstitutionId,
        Person = input.Person,
        OwnerInstitutionId = input.OwnerInstitutionId,
        ValidFrom = input.ValidFrom,
        ValidTo = input.ValidTo,
        VerifiedOn = input.VerifiedOn,
        Note = input.Note,
        AlsoReachesForumIds = input.AlsoReachesForumIds ?? [],
    };

    public static Contact Update(Contact contact, ContactInput input) => Create(contact.Id, input);

    public static Contact Verify(Contact contact, DateOnly today) => contact with { VerifiedOn = today };

    private static void ValidatePerson(Person person, Validation validation)
    {
        validation
            .MaxLength("person.name", person.Name, PersonNameLength)
            .MaxLength("person.title", person.Title, PersonTitleLength)
            .MaxLength("person.organisation", person.Organisation, PersonOrganisationLength)
            .MaxLength("person.email", person.Email, EmailLength)
            .MaxLength("person.phone", person.Phone, PhoneLength);
        if (person.Email is not null && !LooksLikeEmail(person.Email))
        {
            validation.Add("person.email", "An e-mail address, e.g. name@example.se.");
        }
        if (person.Phone is not null && (!person.Phone.All(PhoneCharacters.Contains) || !person.Phone.Any(char.IsAsciiDigit)))
        {
            validation.Add("person.phone", "Digits, spaces, +, - and parentheses only, e.g. +46 10-123 45 67.");
        }
    }

    /// <summary>One @ with something before it, and a dot inside the part after it; no spaces.</summary>
    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@') || email.Any(char.IsWhiteSpace))
        {
            return false;
        }
        var domain = email[(at + 1)..];
        var dot = domain.IndexOf('.');
        return dot > 0 && !domain.EndsWith('.');
    }

    /// <summary>Only control or zero-width characters count as no value, as for every required text (<see cref="PlainText"/>).</summary>
    private static bool Visible(string? value) => value is not null && PlainText.HasVisibleCharacter(value);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
