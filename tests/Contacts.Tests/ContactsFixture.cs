extern alias ContactsService;
using Samverkan.TestSupport.InProcess;

namespace Samverkan.Contacts.Tests;

/// <summary>The Contacts service hosted in the test process, with Forums and Institutions (which it asks over gRPC) and Regions (which they ask) as real processes.</summary>
public sealed class ContactsFixture() : InProcessServiceFixture<ContactsService::Program>("contacts", "forums", "institutions", "regions");
