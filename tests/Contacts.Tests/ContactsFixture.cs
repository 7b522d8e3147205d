using Samverkan.TestSupport;

namespace Samverkan.Contacts.Tests;

/// <summary>The Contacts service as a real process, with Forums and Institutions (which it asks over gRPC) and Regions (which they ask).</summary>
public sealed class ContactsFixture() : ServiceFixture("contacts", "forums", "institutions", "regions");
