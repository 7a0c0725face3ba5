"""A committee's own templates: checked (``kiemdiem template check``), printed in a
Jinja sandbox (``render --template``, a profile's ``mau_in``), and started from the
shipped ones (``kiemdiem template export``)."""
from .check import Report, check_template
from .export import export_template
from .template import TemplateRejected, UserTemplate, load_user_template, templates_for

__all__ = ["Report", "TemplateRejected", "UserTemplate", "check_template", "export_template",
           "load_user_template", "templates_for"]
