"""Files and storage under the domain: protocol files now, the screening database later."""
