from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "portal.contacts"
    label = "contacts"
    verbose_name = "User database"
