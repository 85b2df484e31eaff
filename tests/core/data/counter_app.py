import nbstate as st

if "count" not in st.session_state:
    st.session_state.count = 0


def add(n):
    st.session_state.count += n


st.button("Add", key="add", on_click=add, args=(1,))
st.write("count", st.session_state.count)
