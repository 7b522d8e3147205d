namespace Samverkan.Contacts.Model;

/// <summary>
/// The largest contact the registry accepts, checked on every write (<see cref="ContactChanges"/>)
/// and listed in docs/api.md. A contact has no lists, so its event is small whatever it holds:
/// far under 1 MiB even with every text at its longest in the characters JSON escapes worst
/// (tests/Contacts.Tests/LargestContactEventTests). Lengths count UTF-16 characters.
/// </summary>
public static class ContactBounds
{
    public const int FunctionLength = 200;

    /// <summary>A forum or institution id (the registry hands out at most 67 characters).</summary>
    public const int IdLength = 100;

    public const int NoteLength = 2000;

    /// <summary>Forums a contact also reaches: a path or two in any source.</summary>
    public const int MaxAlsoReaches = 10;
    public const int PersonNameLength = 200;
    public const int PersonTitleLength = 200;
    public const int PersonOrganisationLength = 200;

    /// <summary>The longest address SMTP carries (RFC 5321).</summary>
    public const int EmailLength = 254;

    public const int PhoneLength = 40;
}
