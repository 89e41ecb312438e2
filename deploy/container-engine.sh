# placeholder: sourced by `make test-integration`
