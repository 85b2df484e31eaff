import streamlit as st

st.title("To do")
if "todos" not in st.session_state:
    st.session_state.todos = []

with st.form("add"):
    task = st.text_input("New task")
    submitted = st.form_submit_button("Add")
if submitted:
    if task.strip():
        st.session_state.todos.append(task.strip())
    else:
        st.error("A task needs a name.")

done = 0
for i, todo in enumerate(st.session_state.todos):
    if st.checkbox(todo, key=f"todo-{i}"):
        done += 1
st.write(f"{done} of {len(st.session_state.todos)} done")
